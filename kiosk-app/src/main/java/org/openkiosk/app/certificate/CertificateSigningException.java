package org.openkiosk.app.certificate;

/** A certificate cannot be signed or its authority signature does not hold: it must not be printed. */
public class CertificateSigningException extends RuntimeException {

    public CertificateSigningException(String message) {
        super(message);
    }

    public CertificateSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
