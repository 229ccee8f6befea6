package org.openkiosk.app.logging;

import org.openkiosk.device.privacy.Masking;

/**
 * Masks citizen data in a formatted log line: first the values registered in {@link PersonalDataRedactor} (names
 * cannot be recognised otherwise), then anything shaped like an ID number.
 *
 * <p>"Shaped like an ID number" is deliberately broad — when in doubt, mask: any run of 15 or more digits, or 14 or
 * more followed by an X, also when the digits are grouped with single spaces or hyphens
 * ({@code 620102 19900101 0722}), and full-width digits too. The check digit is not verified: a mistyped number is
 * still personal data. This also masks bank card numbers and very long numeric ids, which is harmless in a log.
 *
 * <p>A hand-written linear scan rather than a regular expression: it runs on every log line, and lines are full
 * of short digit runs (timestamps) on which a pattern with optional separators keeps starting and backtracking.
 */
public final class LogMasker {

    /** Digits of a legacy number; an 18-character number is 17 digits and a digit or X. */
    private static final int MIN_DIGITS = 15;

    private LogMasker() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskIdShaped(PersonalDataRedactor.redact(text));
    }

    static String maskIdShaped(String s) {
        if (digitCount(s) < MIN_DIGITS - 1) {
            return s;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            // a run of digits, single spaces or hyphens allowed between two digits
            int start = i;
            int digits = 0;
            int j = i;
            while (j < n) {
                char c = s.charAt(j);
                if (Character.isDigit(c)) {
                    digits++;
                    j++;
                } else if ((c == ' ' || c == '-') && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            int end = j;
            if (end < n && (s.charAt(end) == 'X' || s.charAt(end) == 'x')
                    && (end + 1 == n || !Character.isDigit(s.charAt(end + 1)))) {
                digits++;
                end++;
            }
            if (digits >= MIN_DIGITS) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, start).append(Masking.idNumber(s.substring(start, end)));
                copied = end;
            }
            i = end;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    private static int digitCount(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
