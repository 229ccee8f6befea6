package org.openkiosk.device.idcard;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses the 256-byte UCS-2LE text block of a 30 01 / 30 10 read reply by the layout of its card type (the
 * character at offset 248). Offsets and lengths are in bytes, as in the GA 467 layout tables.
 */
public final class IdCardTextParser {

    public static final int TEXT_LENGTH = 256;
    static final int TYPE_MARKER_OFFSET = 248;

    private IdCardTextParser() {}

    public static CardType cardTypeOf(byte[] text) throws IdCardFormatException {
        requireLength(text);
        return CardType.ofMarker(field(text, TYPE_MARKER_OFFSET, 2, false).charAt(0));
    }

    public static IdCard parse(byte[] text, PhotoBlob photo) throws IdCardFormatException {
        CardType type = cardTypeOf(text);
        return switch (type) {
            case RESIDENT -> new IdCard(type, field(text, 0, 30), Sex.ofCode(field(text, 30, 2)),
                    Nation.ofCode(field(text, 32, 4)), date(text, 36, "birthDate"), field(text, 52, 70),
                    field(text, 122, 36), field(text, 158, 30), date(text, 188, "validFrom"), validTo(text, 204),
                    null, null, null, null, null, null, photo);
            case HK_MACAO_TAIWAN_PERMIT -> new IdCard(type, field(text, 0, 30), Sex.ofCode(field(text, 30, 2)), null,
                    date(text, 36, "birthDate"), field(text, 52, 70), field(text, 122, 36), field(text, 158, 30),
                    date(text, 188, "validFrom"), validTo(text, 204), null, null, field(text, 220, 18),
                    number(text, 238, 4, "issueCount"), null, null, photo);
            case FOREIGNER_2023 -> new IdCard(type, field(text, 0, 30), Sex.ofCode(field(text, 30, 2)), null,
                    date(text, 36, "birthDate"), null, field(text, 122, 36), null, date(text, 188, "validFrom"),
                    validTo(text, 204),
                    (field(text, 52, 70, false) + field(text, 220, 22, false)).strip(),
                    field(text, 242, 6), null, null, number(text, 32, 4, "renewalCount"), null, photo);
            case FOREIGNER_2017 -> new IdCard(type, field(text, 158, 30), Sex.ofCode(field(text, 120, 2)), null,
                    date(text, 220, "birthDate"), null, field(text, 122, 30), field(text, 240, 8),
                    date(text, 188, "validFrom"), validTo(text, 204), field(text, 0, 120), field(text, 152, 6),
                    null, null, null, field(text, 236, 4), photo);
        };
    }

    private static void requireLength(byte[] text) throws IdCardFormatException {
        if (text == null || text.length != TEXT_LENGTH) {
            throw new IdCardFormatException("the text block must be " + TEXT_LENGTH + " bytes, got "
                    + (text == null ? "none" : text.length));
        }
    }

    /** A UCS-2LE field with trailing padding (spaces, NULs) removed. */
    static String field(byte[] text, int offset, int length) {
        return field(text, offset, length, true);
    }

    private static String field(byte[] text, int offset, int length, boolean trim) {
        String s = new String(text, offset, length, StandardCharsets.UTF_16LE);
        if (!trim) {
            return s;
        }
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static LocalDate date(byte[] text, int offset, String name) throws IdCardFormatException {
        String s = field(text, offset, 16);
        return parseDate(s, offset, name);
    }

    /**
     * Errors name the field and its bytes in the text block but never show its value: a date on a card is
     * citizen data, and these messages reach logs.
     */
    private static LocalDate parseDate(String s, int offset, String name) throws IdCardFormatException {
        String where = name + " (text block bytes " + offset + "-" + (offset + 15) + ")";
        if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IdCardFormatException(where + ": expected 8 digits YYYYMMDD, found " + s.length() + " characters"
                    + (s.chars().allMatch(c -> c >= '0' && c <= '9') ? "" : " with non-digits"));
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new IdCardFormatException(where + ": expected a calendar date, found 8 digits that are not one");
        }
    }

    private static ValidUntil validTo(byte[] text, int offset) throws IdCardFormatException {
        String s = field(text, offset, 16);
        if (s.equals(ValidUntil.LONG_TERM_TEXT)) {
            return ValidUntil.LONG_TERM;
        }
        return ValidUntil.of(parseDate(s, offset, "validTo"));
    }

    private static Integer number(byte[] text, int offset, int length, String name) throws IdCardFormatException {
        String s = field(text, offset, length);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IdCardFormatException(name + " (text block bytes " + offset + "-" + (offset + length - 1)
                    + "): expected a number, found " + s.length() + " characters that are not one");
        }
    }
}
