package org.openkiosk.app.service.certificate;

/** A certificate cannot be issued; {@link #reason()} says why. */
public class CertificateException extends RuntimeException {

    public enum Reason {
        /** the platform does not list this certificate for this person */
        NOT_ENTITLED,
        /** this kiosk network does not print this type (not in services.yaml) */
        NOT_PRINTABLE_HERE,
        /** the person has used up first print and reprints */
        REPRINT_LIMIT_REACHED,
        /** the issuing authority's answer could not be used (malformed reply): nothing was printed */
        NOT_ISSUED,
        /**
         * the hall store cannot be reached, so the reprint count cannot be checked (ADR 0165): nothing was numbered,
         * printed or counted
         */
        HALL_OFFLINE
    }

    private final Reason reason;

    public CertificateException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CertificateException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
