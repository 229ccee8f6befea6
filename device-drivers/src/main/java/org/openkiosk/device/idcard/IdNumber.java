package org.openkiosk.device.idcard;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen identity number checked against GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit
 * sequence (odd = male, even = female) and the check character {@code 10X98765432}[Σ dᵢ·Wᵢ mod 11].
 *
 * <p>Also used for Hong Kong/Macao/Taiwan residence permits (81/82/83…) and 2023 foreigner cards (9…), which
 * follow the same rule. {@link #toString()} is masked so that the number never reaches a log in full.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and checks an 18-character number (a lower-case {@code x} is accepted and normalised).
     *
     * @throws InvalidIdNumberException naming the first problem found (length, characters, birth date, check)
     */
    public static IdNumber parse(String text) throws InvalidIdNumberException {
        Objects.requireNonNull(text, "text");
        String s = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() != 18) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.LENGTH,
                    "an ID number has 18 characters, this one has " + s.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                throw new InvalidIdNumberException(InvalidIdNumberException.Reason.CHARACTERS,
                        "character " + (i + 1) + " must be a digit");
            }
        }
        char last = s.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.CHARACTERS,
                    "the last character must be a digit or X");
        }
        if (birthDateOf(s).isEmpty()) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.BIRTH_DATE,
                    "characters 7–14 are not a valid birth date");
        }
        if (checkCharacter(s) != last) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.CHECK_DIGIT,
                    "the check character does not match (mistyped digit?)");
        }
        return new IdNumber(s);
    }

    /** True when {@link #parse} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidIdNumberException e) {
            return false;
        }
    }

    /** The check character for the first 17 digits of {@code digits}. */
    public static char checkCharacter(CharSequence digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * Upgrades a legacy 15-digit number (address + YYMMDD + sequence) to 18 characters. The century is not
     * always 19 — pass the one known from the card or the record.
     */
    public static IdNumber upgradeLegacy(String fifteen, int century) throws InvalidIdNumberException {
        if (fifteen == null || fifteen.length() != 15 || !fifteen.chars().allMatch(IdNumber::isAsciiDigit)) {
            throw new InvalidIdNumberException(InvalidIdNumberException.Reason.LENGTH, "a legacy ID number has 15 digits");
        }
        String seventeen = fifteen.substring(0, 6) + century + fifteen.substring(6);
        return parse(seventeen + checkCharacter(seventeen));
    }

    public String value() {
        return value;
    }

    public String addressCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    /** GB/T 2261.1 sex code implied by the sequence: 1 male, 2 female. */
    public int sexCode() {
        return (value.charAt(16) - '0') % 2 == 1 ? 1 : 2;
    }

    /** {@code 1101**********002X}: the first four and the last four characters. */
    public String masked() {
        return org.openkiosk.device.privacy.Masking.idNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked on purpose: use {@link #value()} where the full number is really needed. */
    @Override
    public String toString() {
        return masked();
    }

    private static Optional<LocalDate> birthDateOf(String s) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
            return date.getYear() < 1800 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
