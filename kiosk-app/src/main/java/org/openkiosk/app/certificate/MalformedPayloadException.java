package org.openkiosk.app.certificate;

/** A scanned text is not a well-formed certificate payload. */
public class MalformedPayloadException extends Exception {
    public MalformedPayloadException(String message) {
        super(message);
    }
}
