package org.openkiosk.app.logging;

import org.openkiosk.device.privacy.Masking;

/**
 * Masks citizen data in a formatted log line: first the values registered in {@link PersonalDataRedactor} (names
 * cannot be recognised otherwise), then anything shaped like an ID number.
 *
 * <p>"Shaped like an ID number" is deliberately broad — when in doubt, mask: any run of 15 or more digits, or 14 or
 * more followed by an X, also when the digits are grouped by up to {@value #MAX_GAP} separator characters
 * (spaces, ideographic spaces, hyphens, dots, slashes, underscores, commas — {@code 620102 19900101 0722},
 * {@code 620102.1990.0101.0722}, {@code 620102　19900101, 0722}), and full-width digits too. The check digit is not verified: a mistyped number is
 * still personal data. This also masks bank card numbers and very long numeric ids, which is harmless in a log.
 *
 * <p>A hand-written linear scan rather than a regular expression: it runs on every log line, and lines are full
 * of short digit runs (timestamps) on which a pattern with optional separators keeps starting and backtracking.
 */
public final class LogMasker {

    /** Digits of a legacy number; an 18-character number is 17 digits and a digit or X. */
    private static final int MIN_DIGITS = 15;
    /** Separator characters allowed between two digit groups. */
    private static final int MAX_GAP = 3;
    private static final String SEPARATORS = " -./_,\t\u00A0\u3000\uFF0C\uFF0E\uFF0F\uFF0D\uFF3F";

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
            // a run of digits; a short gap of separators is allowed between two digits
            int start = i;
            int digits = 0;
            int j = i;
            int end = i;
            while (j < n) {
                char c = s.charAt(j);
                if (Character.isDigit(c)) {
                    digits++;
                    j++;
                    end = j;
                    continue;
                }
                int gap = gapLength(s, j);
                if (gap > 0 && j + gap < n && Character.isDigit(s.charAt(j + gap))) {
                    j += gap;
                } else {
                    break;
                }
            }
            // the check character X, right after the digits or after a gap
            int x = end + gapLength(s, end);
            if (x < n && (s.charAt(x) == 'X' || s.charAt(x) == 'x')
                    && (x + 1 == n || !Character.isLetterOrDigit(s.charAt(x + 1)))
                    && (x == end || digits >= MIN_DIGITS + 2)) {
                digits++;
                end = x + 1;
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

    /** The number of separator characters starting at {@code at}, 0 when more than {@link #MAX_GAP}. */
    private static int gapLength(String s, int at) {
        int k = at;
        while (k < s.length() && k - at <= MAX_GAP && SEPARATORS.indexOf(s.charAt(k)) >= 0) {
            k++;
        }
        int gap = k - at;
        return gap > MAX_GAP ? 0 : gap;
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
