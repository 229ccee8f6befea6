package org.openkiosk.app.service.platform;

/** The service platform could not answer; subclasses say whether it was unreachable or answered badly. */
public class PlatformException extends RuntimeException {

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
