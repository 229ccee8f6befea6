package org.openkiosk.app.service.identity;

import java.util.Optional;
import org.openkiosk.device.idcard.IdNumber;

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
    private final transient IdNumber number;

    public IdentificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** @param number the well-formed number the refusal concerns, for the audit trail (masked there) */
    public IdentificationException(Reason reason, String message, IdNumber number) {
        super(message);
        this.reason = reason;
        this.number = number;
    }

    public Reason reason() {
        return reason;
    }

    /** The well-formed number the refusal concerns, when there is one. */
    public Optional<IdNumber> number() {
        return Optional.ofNullable(number);
    }
}
