package org.openkiosk.app.service.identity;

/** The citizen could not be identified; {@link #reason()} lets the screen say what to do next. */
public class IdentificationException extends Exception {

    public enum Reason {
        /** not 18 characters */
        LENGTH,
        /** a letter where a digit belongs */
        CHARACTERS,
        /** characters 7–14 are no date */
        BIRTH_DATE,
        /** the birth date lies in the future */
        BIRTH_DATE_IN_FUTURE,
        /** the check character does not match: a mistyped digit */
        CHECK_DIGIT,
        /** the sequence's parity does not match the sex the citizen chose */
        SEX_MISMATCH,
        /** the number does not belong to this kind of card */
        CARD_TYPE_MISMATCH,
        /** the platform does not know this person */
        UNKNOWN_PERSON,
        /** the scanned code is not one of our appointment slips */
        NOT_AN_APPOINTMENT_CODE,
        /** the slip's appointment does not exist (anymore) */
        APPOINTMENT_NOT_FOUND
    }

    private final Reason reason;

    public IdentificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
