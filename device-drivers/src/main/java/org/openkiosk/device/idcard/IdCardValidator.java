package org.openkiosk.device.idcard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plausibility checks on a card that was read: the GB 11643 check character, birth date and sex agreeing with
 * the number, and validity on today's date (长期 never expires). The 15-character number of a 2017 foreigner's
 * card has no check character, so only the validity dates are checked for it.
 */
public final class IdCardValidator {

    /** One failed check. Messages never contain the number or the name. */
    public record Problem(Kind kind, String message) {}

    public enum Kind {
        INVALID_NUMBER,
        BIRTH_DATE_MISMATCH,
        SEX_MISMATCH,
        EXPIRED,
        NOT_YET_VALID
    }

    /** Empty problems = all checks passed. */
    public record Result(List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }

        public boolean has(Kind kind) {
            return problems.stream().anyMatch(p -> p.kind() == kind);
        }
    }

    private final Clock clock;

    public IdCardValidator(Clock clock) {
        this.clock = clock;
    }

    public Result validate(IdCard card) {
        List<Problem> problems = new ArrayList<>();
        if (card.cardType() != CardType.FOREIGNER_2017) {
            checkNumber(card, problems);
        }
        LocalDate today = LocalDate.now(clock);
        if (card.validTo().isExpiredOn(today)) {
            problems.add(new Problem(Kind.EXPIRED, "the card expired on " + card.validTo()));
        }
        if (today.isBefore(card.validFrom())) {
            problems.add(new Problem(Kind.NOT_YET_VALID, "the card is valid only from " + card.validFrom()));
        }
        return new Result(problems);
    }

    private static void checkNumber(IdCard card, List<Problem> problems) {
        IdNumber number;
        try {
            number = IdNumber.parse(card.idNumber());
        } catch (InvalidIdNumberException e) {
            problems.add(new Problem(Kind.INVALID_NUMBER, "ID number rejected: " + e.getMessage()));
            return;
        }
        if (!number.birthDate().equals(card.birthDate())) {
            problems.add(new Problem(Kind.BIRTH_DATE_MISMATCH,
                    "the birth date on the card does not match the one in the ID number"));
        }
        boolean sexKnown = card.sex() == Sex.MALE || card.sex() == Sex.FEMALE;
        if (sexKnown && number.sexCode() != (card.sex() == Sex.MALE ? 1 : 2)) {
            problems.add(new Problem(Kind.SEX_MISMATCH, "the sex on the card (" + card.sex().english()
                    + ") does not match the ID number's sequence digit"));
        }
    }
}
