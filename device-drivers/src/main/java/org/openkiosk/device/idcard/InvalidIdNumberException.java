package org.openkiosk.device.idcard;

/** An ID number failed a GB 11643 check; {@link #reason()} lets the UI say which, in plain words. */
public class InvalidIdNumberException extends Exception {

    public enum Reason { LENGTH, CHARACTERS, BIRTH_DATE, CHECK_DIGIT }

    private final Reason reason;

    public InvalidIdNumberException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
