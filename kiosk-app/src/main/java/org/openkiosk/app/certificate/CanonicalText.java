package org.openkiosk.app.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;

/**
 * The text a certificate's digest covers: every character printed on the page in reading order, NFC-normalised,
 * with all whitespace removed. PDF text extraction guesses spaces and line breaks from glyph positions; leaving
 * whitespace out makes the PDF's extracted text and the laid-out text agree exactly (ADR 0050), while any
 * changed, added or removed character still changes the digest.
 */
public final class CanonicalText {

    private CanonicalText() {}

    public static String of(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(nfc.length());
        nfc.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(of(text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
