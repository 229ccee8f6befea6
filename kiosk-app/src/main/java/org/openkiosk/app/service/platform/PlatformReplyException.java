package org.openkiosk.app.service.platform;

/** The platform answered, but not as the contract says (malformed JSON, missing field, refused request). */
public class PlatformReplyException extends PlatformException {

    public PlatformReplyException(String message, Throwable cause) {
        super(message, cause);
    }

    public PlatformReplyException(String message) {
        super(message, null);
    }
}
