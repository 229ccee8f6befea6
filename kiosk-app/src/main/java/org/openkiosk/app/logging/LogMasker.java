package org.openkiosk.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openkiosk.device.privacy.Masking;

/**
 * Masks citizen data in a formatted log line: first the values registered in {@link PersonalDataRedactor} (names
 * cannot be recognised otherwise), then anything shaped like an ID number.
 *
 * <p>"Shaped like an ID number" is deliberately broad — when in doubt, mask: any run of 15 or more digits (the
 * last may be an X), also when the digits are grouped with single spaces or hyphens ({@code 620102 19900101 0722}),
 * and full-width digits too. The check digit is not verified: a mistyped number is still personal data. This also
 * masks bank card numbers and very long numeric ids, which is harmless in a log.
 */
public final class LogMasker {

    private static final Pattern ID_SHAPED =
            Pattern.compile("(?<!\\p{Nd})(?:\\p{Nd}[ \\-]?){14,}[\\p{Nd}Xx](?!\\p{Nd})");

    private LogMasker() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = PersonalDataRedactor.redact(text);
        Matcher m = ID_SHAPED.matcher(redacted);
        if (!m.find()) {
            return redacted;
        }
        StringBuilder sb = new StringBuilder(redacted.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(Masking.idNumber(m.group())));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
