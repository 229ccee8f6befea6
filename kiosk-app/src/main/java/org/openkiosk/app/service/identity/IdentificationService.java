package org.openkiosk.app.service.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.openkiosk.app.service.appointment.AppointmentQr;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/**
 * Turns a card read, a scanned appointment slip or a typed number into an {@link Identity}. Typed numbers and
 * slip codes that lead nowhere count against this kiosk's {@link AttemptLimiter}.
 */
public final class IdentificationService {

    private final BookingRepository bookings;
    private final Clock clock;
    private final AttemptLimiter attempts;

    public IdentificationService(BookingRepository bookings, Clock clock, AttemptLimiter attempts) {
        this.bookings = bookings;
        this.clock = clock;
        this.attempts = attempts;
    }

    /** A card read: the reader already checked the chip; we check that number and card type agree. */
    public Identity fromCard(CardIdentity card) throws IdentificationException {
        String number = card.idNumber().value();
        boolean consistent = switch (card.cardType()) {
            case RESIDENT_ID -> !number.startsWith("8") && !number.startsWith("9");
            case HONG_KONG_MACAO_RESIDENCE_PERMIT -> number.startsWith("810000") || number.startsWith("820000");
            case TAIWAN_RESIDENCE_PERMIT -> number.startsWith("830000");
            case FOREIGN_PERMANENT_RESIDENCE -> number.startsWith("9");
        };
        if (!consistent) {
            throw new IdentificationException(IdentificationException.Reason.CARD_TYPE_MISMATCH,
                    "the number " + card.idNumber() + " does not belong to a " + card.cardType());
        }
        return new Identity(card.idNumber(), Optional.of(card.name()), IdentitySource.CARD,
                Optional.of(card.cardType()), Optional.empty());
    }

    /** A scanned appointment slip: the booking it names must exist. */
    public Identity fromAppointmentQr(String payload) throws IdentificationException {
        Optional<String> parsed = AppointmentQr.parse(payload);
        if (parsed.isEmpty()) { // some other code under the scanner: not a guess at a slip
            throw new IdentificationException(IdentificationException.Reason.NOT_AN_APPOINTMENT_CODE,
                    "this code is not an appointment slip of this service");
        }
        String code = parsed.get();
        attempts.checkAllowed(AttemptLimiter.Kind.SLIP_CODE);
        Optional<IdNumber> found = bookings.holderOf(code);
        if (found.isEmpty()) {
            attempts.miss(AttemptLimiter.Kind.SLIP_CODE);
            throw new IdentificationException(IdentificationException.Reason.APPOINTMENT_NOT_FOUND,
                    "no appointment " + code + " exists");
        }
        IdNumber holder = found.get();
        return new Identity(holder, Optional.empty(), IdentitySource.APPOINTMENT_QR, Optional.empty(),
                Optional.of(code));
    }

    /**
     * A number typed on the keypad: length, characters, birth date (also not in the future), check character
     * and — when the citizen chose one — sex parity are checked. The platform is deliberately not asked: a typed
     * number proves nothing, and an answer ("unknown person", a name) would tell a stranger whether the number
     * is on record. Every well-formed number gets the same masked confirmation.
     */
    public Identity fromTypedNumber(String typed, Optional<Sex> declaredSex) throws IdentificationException {
        // a number failing its own check tells nothing, so only numbers that find nothing count as misses
        // (see QueueService); while blocked, no typed number is taken at all
        attempts.checkAllowed(AttemptLimiter.Kind.TYPED_NUMBER);
        IdNumber number = checkTyped(typed, declaredSex, LocalDate.now(clock));
        return new Identity(number, Optional.empty(), IdentitySource.TYPED_NUMBER, Optional.empty(),
                Optional.empty());
    }

    /** The local checks of a typed number, without any lookup. */
    public static IdNumber checkTyped(String typed, Optional<Sex> declaredSex, LocalDate today)
            throws IdentificationException {
        IdNumber number;
        try {
            number = IdNumber.parse(typed == null ? "" : typed);
        } catch (InvalidIdNumberException e) {
            IdentificationException.Reason reason = switch (e.reason()) {
                case LENGTH -> IdentificationException.Reason.LENGTH;
                case CHARACTERS -> IdentificationException.Reason.CHARACTERS;
                case BIRTH_DATE -> IdentificationException.Reason.BIRTH_DATE;
                case CHECK_DIGIT -> IdentificationException.Reason.CHECK_DIGIT;
            };
            throw new IdentificationException(reason, e.getMessage());
        }
        if (number.birthDate().isAfter(today)) {
            throw new IdentificationException(IdentificationException.Reason.BIRTH_DATE_IN_FUTURE,
                    "the birth date in the number lies in the future");
        }
        if (declaredSex.isPresent() && declaredSex.get().code() != number.sexCode()) {
            throw new IdentificationException(IdentificationException.Reason.SEX_MISMATCH,
                    "the 17th digit's parity does not match the chosen sex (mistyped digit?)");
        }
        return number;
    }
}
