package org.openkiosk.app.service.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openkiosk.app.service.appointment.AppointmentQr;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
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
    private final Optional<AuditLog> audit;

    /** Without an audit trail: for tests of the checks only. */
    public IdentificationService(BookingRepository bookings, Clock clock, AttemptLimiter attempts) {
        this(bookings, clock, attempts, null);
    }

    /**
     * @param audit records every identification and every refusal (method, outcome, masked number) in its own
     *              transaction; when the trail cannot be written, the identification fails with it
     */
    public IdentificationService(BookingRepository bookings, Clock clock, AttemptLimiter attempts, AuditLog audit) {
        this.bookings = bookings;
        this.clock = clock;
        this.attempts = attempts;
        this.audit = Optional.ofNullable(audit);
    }

    /** A card read: the reader already checked the chip; we check that number and card type agree. */
    public Identity fromCard(CardIdentity card) throws IdentificationException {
        return audited(IdentitySource.CARD, Optional.of(card.idNumber()),
                Map.of("cardType", card.cardType().name()), () -> checkCard(card));
    }

    /** A scanned appointment slip: the booking it names must exist. */
    public Identity fromAppointmentQr(String payload) throws IdentificationException {
        return audited(IdentitySource.APPOINTMENT_QR, Optional.empty(), Map.of(), () -> findAppointment(payload));
    }

    /**
     * A number typed on the keypad: length, characters, birth date (also not in the future), check character
     * and — when the citizen chose one — sex parity are checked. The platform is deliberately not asked: a typed
     * number proves nothing, and an answer ("unknown person", a name) would tell a stranger whether the number
     * is on record. Every well-formed number gets the same masked confirmation.
     */
    public Identity fromTypedNumber(String typed, Optional<Sex> declaredSex) throws IdentificationException {
        return audited(IdentitySource.TYPED_NUMBER, Optional.empty(), Map.of(), () -> findTyped(typed, declaredSex));
    }

    /**
     * Records a face comparison with the card photo: the outcome only, never an image, a template or a score.
     * Blocks (database).
     */
    public void recordFaceVerification(Identity who, FaceVerificationOutcome outcome) {
        audit.ifPresent(a -> a.record(new AuditEntry(AuditAction.FACE_VERIFIED, "identification",
                Map.of("holder", who.idNumber().masked(), "outcome", outcome.name()))));
    }

    /**
     * The outcome of the face step after a card read: a match raises the card's identity to card + face, anything
     * else leaves it as it was. Recorded either way (outcome only). Blocks (database).
     *
     * @throws IllegalArgumentException when the identity did not come from a card
     */
    public Identity afterFaceVerification(Identity card, FaceVerificationOutcome outcome) {
        if (card.source() != IdentitySource.CARD) {
            throw new IllegalArgumentException("a face is verified against a card read, not a " + card.source());
        }
        recordFaceVerification(card, outcome);
        if (outcome != FaceVerificationOutcome.MATCH) {
            return card;
        }
        return new Identity(card.idNumber(), card.name(), IdentitySource.CARD_AND_FACE, card.cardType(),
                card.bookingCode());
    }

    private interface Check {
        Identity run() throws IdentificationException;
    }

    /** Runs one identification and records its outcome: the method, and the masked number when one is known. */
    private Identity audited(IdentitySource method, Optional<IdNumber> read, Map<String, String> facts, Check check)
            throws IdentificationException {
        Map<String, String> details = new TreeMap<>(facts);
        details.put("method", method.name());
        try {
            Identity who = check.run();
            details.put("holder", who.idNumber().masked());
            details.put("outcome", "IDENTIFIED");
            audit.ifPresent(a -> a.record(new AuditEntry(AuditAction.IDENTIFIED, "identification", details)));
            return who;
        } catch (IdentificationException e) {
            read.or(() -> e.number()).ifPresent(n -> details.put("holder", n.masked()));
            details.put("outcome", e.reason().name());
            audit.ifPresent(a -> a.record(new AuditEntry(AuditAction.IDENTIFICATION_FAILED, "identification",
                    details)));
            throw e;
        }
    }

    private Identity checkCard(CardIdentity card) throws IdentificationException {
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

    private Identity findAppointment(String payload) throws IdentificationException {
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

    private Identity findTyped(String typed, Optional<Sex> declaredSex) throws IdentificationException {
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
