package org.openkiosk.app.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the chain was cut after its oldest records went to an archive file (ADR 0176), signed with the audit key: the
 * records {@code fromSeq..throughSeq} are in the archive whose SHA-256 is {@code archiveSha256}; the first of them
 * names {@code prevLink} as its predecessor's link and the last carries {@code link}, which the first record left in
 * the database names in turn. Kept in the database ({@code audit_archive}) and as the archive file's last line, it
 * lets {@code audit verify} walk from record 1 across the cut: with the archive file the archived records are walked
 * too, without it they are vouched for by this signed cut alone (and the command says so).
 *
 * @param fromSeq        the first archived record
 * @param throughSeq     the last archived record
 * @param prevLink       the link the first archived record names as its predecessor's (the genesis link for 1)
 * @param link           the last archived record's link
 * @param firstKeyed     the first keyed record in the chain up to {@code throughSeq}; 0 when none is keyed yet
 * @param keyedSince     when that first keyed record was written; null when none is
 * @param lastRecordedAt when the last archived record was written
 * @param archiveSha256  SHA-256 (hex) of the archive file's lines before its last (this cut's) line
 * @param archivedAt     when the archive was made
 */
public record AuditArchiveCut(long fromSeq, long throughSeq, String prevLink, String link, long firstKeyed,
                              Instant keyedSince, Instant lastRecordedAt, String archiveSha256, Instant archivedAt,
                              String keyId, String mac) {

    static final String MAGIC = "openkiosk-audit-archive-cut 1";

    public AuditArchiveCut {
        Objects.requireNonNull(prevLink, "prevLink");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(lastRecordedAt, "lastRecordedAt");
        Objects.requireNonNull(archiveSha256, "archiveSha256");
        Objects.requireNonNull(archivedAt, "archivedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mac, "mac");
        if (fromSeq < 1 || throughSeq < fromSeq) {
            throw new IllegalArgumentException("an archive cut covers records " + fromSeq + " to " + throughSeq);
        }
    }

    static AuditArchiveCut sign(AuditKey key, long fromSeq, long throughSeq, String prevLink, String link,
                                long firstKeyed, Instant keyedSince, Instant lastRecordedAt, String archiveSha256,
                                Instant archivedAt) {
        String text = signedText(fromSeq, throughSeq, prevLink, link, firstKeyed, keyedSince, lastRecordedAt,
                archiveSha256, archivedAt);
        return new AuditArchiveCut(fromSeq, throughSeq, prevLink, link, firstKeyed, keyedSince, lastRecordedAt,
                archiveSha256, archivedAt, key.id(), key.hmacHex(text));
    }

    /** True when {@link #mac} is this cut's signature under {@code key}. */
    public boolean signedBy(AuditKey key) {
        byte[] expected = key.hmacHex(signedText(fromSeq, throughSeq, prevLink, link, firstKeyed, keyedSince,
                lastRecordedAt, archiveSha256, archivedAt)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII));
    }

    /** How many records the archive holds. */
    public long records() {
        return throughSeq - fromSeq + 1;
    }

    private static String signedText(long fromSeq, long throughSeq, String prevLink, String link, long firstKeyed,
                                     Instant keyedSince, Instant lastRecordedAt, String archiveSha256,
                                     Instant archivedAt) {
        // a purpose of its own: a chain head (ADR 0065) can never pass for a cut, nor the other way round
        return MAGIC + "\nfrom=" + fromSeq + "\nthrough=" + throughSeq + "\nprev=" + prevLink + "\nlink=" + link
                + "\nfirstKeyed=" + firstKeyed + "\nkeyedSince=" + (keyedSince == null ? "" : keyedSince)
                + "\nlastRecordedAt=" + lastRecordedAt + "\nsha256=" + archiveSha256 + "\narchivedAt=" + archivedAt
                + "\n";
    }

    /** The cut as one line of {@code name=value} pairs separated by spaces (no value contains a space). */
    public String text() {
        return MAGIC.replace(' ', '/') + " from=" + fromSeq + " through=" + throughSeq + " prev=" + prevLink
                + " link=" + link + " firstKeyed=" + firstKeyed + " keyedSince=" + (keyedSince == null ? "-"
                : keyedSince) + " lastRecordedAt=" + lastRecordedAt + " sha256=" + archiveSha256 + " archivedAt="
                + archivedAt + " keyId=" + keyId + " mac=" + mac;
    }

    /**
     * Reads {@link #text()}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static AuditArchiveCut parse(String text) {
        String[] parts = text.strip().split(" +");
        if (parts.length == 0 || !parts[0].equals(MAGIC.replace(' ', '/'))) {
            throw new IllegalArgumentException("not an audit archive cut (it must start with "
                    + MAGIC.replace(' ', '/') + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("audit archive cut field " + i + " is not name=value");
            }
            fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        try {
            String keyedSince = required(fields, "keyedSince");
            return new AuditArchiveCut(Long.parseLong(required(fields, "from")),
                    Long.parseLong(required(fields, "through")), required(fields, "prev"), required(fields, "link"),
                    Long.parseLong(required(fields, "firstKeyed")),
                    keyedSince.equals("-") ? null : Instant.parse(keyedSince),
                    Instant.parse(required(fields, "lastRecordedAt")), required(fields, "sha256"),
                    Instant.parse(required(fields, "archivedAt")), required(fields, "keyId"), required(fields, "mac"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("audit archive cut has a malformed field: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("audit archive cut has no " + name + " field");
        }
        return value;
    }
}
