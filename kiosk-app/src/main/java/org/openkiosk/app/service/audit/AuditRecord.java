package org.openkiosk.app.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A stored audit record and the canonical form its link is computed over.
 *
 * @param hash    the record's link: what the next record names as {@code prevHash}
 * @param version {@link #UNKEYED} (SHA-256, records written before ADR 0064) or {@link #KEYED} (HMAC-SHA256 under
 *                the {@link AuditKey})
 */
public record AuditRecord(long seq, Instant recordedAt, String kioskId, String action, String subject,
                          String details, String prevHash, String hash, int version) {

    /** Links of records written before the audit key: plain SHA-256, which anyone can recompute. */
    public static final int UNKEYED = 1;
    /** Links keyed with the audit key: HMAC-SHA256, which only the key's holder can compute. */
    public static final int KEYED = 2;

    /** An unkeyed (version 1) record, as written before ADR 0064. */
    public AuditRecord(long seq, Instant recordedAt, String kioskId, String action, String subject,
                       String details, String prevHash, String hash) {
        this(seq, recordedAt, kioskId, action, subject, details, prevHash, hash, UNKEYED);
    }

    /** The unkeyed link: SHA-256 over the canonical serialisation, as lower-case hex. */
    public String computeHash() {
        return hashOf(seq, recordedAt, kioskId, action, subject, details, prevHash);
    }

    /** The link this record should carry for its version; a keyed link needs the key. */
    public String computeLink(AuditKey key) {
        return switch (version) {
            case UNKEYED -> computeHash();
            case KEYED -> key.hmacHex(canonical(seq, recordedAt, kioskId, action, subject, details, prevHash)
                    .insert(0, "v=1:2\n").toString());
            default -> throw new IllegalArgumentException("unknown audit link version " + version);
        };
    }

    /** The same record carrying {@code link}. */
    AuditRecord withLink(String link) {
        return new AuditRecord(seq, recordedAt, kioskId, action, subject, details, prevHash, link, version);
    }

    /**
     * SHA-256 over {@code name=<length>:<value>\n} lines in a fixed order; the lengths make the encoding
     * unambiguous whatever the values contain. The instant is ISO-8601 UTC with millisecond precision.
     */
    static String hashOf(long seq, Instant recordedAt, String kioskId, String action, String subject,
                         String details, String prevHash) {
        String canonical = canonical(seq, recordedAt, kioskId, action, subject, details, prevHash).toString();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static StringBuilder canonical(long seq, Instant recordedAt, String kioskId, String action, String subject,
                                           String details, String prevHash) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "seq", Long.toString(seq));
        field(canonical, "at", recordedAt.toString());
        field(canonical, "kiosk", kioskId);
        field(canonical, "action", action);
        field(canonical, "subject", subject);
        field(canonical, "details", details);
        field(canonical, "prev", prevHash);
        return canonical;
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=').append(value.length()).append(':').append(value).append('\n');
    }
}
