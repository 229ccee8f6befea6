package org.openkiosk.app.service.platform;

/** The platform is unreachable, timed out or reported itself unavailable: try again later. */
public class PlatformUnavailableException extends PlatformException {

    public PlatformUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
