package org.openkiosk.app.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A stored audit record and the canonical form its hash is computed over. */
public record AuditRecord(long seq, Instant recordedAt, String kioskId, String action, String subject,
                          String details, String prevHash, String hash) {

    /** The hash this record should carry: SHA-256 over its canonical serialisation, as lower-case hex. */
    public String computeHash() {
        return hashOf(seq, recordedAt, kioskId, action, subject, details, prevHash);
    }

    /**
     * SHA-256 over {@code name=<length>:<value>\n} lines in a fixed order; the lengths make the encoding
     * unambiguous whatever the values contain. The instant is ISO-8601 UTC with millisecond precision.
     */
    static String hashOf(long seq, Instant recordedAt, String kioskId, String action, String subject,
                         String details, String prevHash) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "seq", Long.toString(seq));
        field(canonical, "at", recordedAt.toString());
        field(canonical, "kiosk", kioskId);
        field(canonical, "action", action);
        field(canonical, "subject", subject);
        field(canonical, "details", details);
        field(canonical, "prev", prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=').append(value.length()).append(':').append(value).append('\n');
    }
}
