package org.openkiosk.app.service.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The chain's head as a kiosk saw it right after an append, signed with the audit key: how many records the trail
 * had ({@code seq}), the newest record's link, and from which record on the links are keyed. Kept outside the
 * database (the head file, the fleet link's retained state), it lets {@code audit verify} detect newest records
 * that were removed, and a keyed chain rewritten as an unkeyed one.
 *
 * @param kioskId    the kiosk that appended record {@code seq}
 * @param seq        the newest record's sequence number = the number of records
 * @param link       the newest record's link
 * @param firstKeyed the first record with a keyed link (records before it are from before ADR 0064)
 * @param at         when the record was appended
 * @param keyId      {@link AuditKey#id()} of the key that signed this head
 * @param mac        HMAC-SHA256 of the other fields under the audit key
 */
public record AuditHead(String kioskId, long seq, String link, long firstKeyed, Instant at, String keyId, String mac) {

    static final String MAGIC = "openkiosk-audit-head 1";

    public AuditHead {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mac, "mac");
    }

    /** Signs a head with {@code key}. */
    public static AuditHead sign(AuditKey key, String kioskId, long seq, String link, long firstKeyed, Instant at) {
        return new AuditHead(kioskId, seq, link, firstKeyed, at, key.id(),
                key.hmacHex(signedText(kioskId, seq, link, firstKeyed, at)));
    }

    /** True when {@link #mac} is this head's signature under {@code key}. */
    public boolean signedBy(AuditKey key) {
        byte[] expected = key.hmacHex(signedText(kioskId, seq, link, firstKeyed, at)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static String signedText(String kioskId, long seq, String link, long firstKeyed, Instant at) {
        return MAGIC + "\nkiosk=" + kioskId.length() + ":" + kioskId + "\nseq=" + seq + "\nlink=" + link
                + "\nfirstKeyed=" + firstKeyed + "\nat=" + at + "\n";
    }

    /** The head as text: one {@code name=value} per line after a first line naming the format. */
    public String text() {
        return MAGIC + "\nkiosk=" + kioskId + "\nseq=" + seq + "\nlink=" + link + "\nfirstKeyed=" + firstKeyed
                + "\nat=" + at + "\nkeyId=" + keyId + "\nmac=" + mac + "\n";
    }

    /**
     * Reads {@link #text()}.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static AuditHead parse(String text) {
        String[] lines = text.strip().split("\r?\n");
        if (lines.length == 0 || !lines[0].strip().equals(MAGIC)) {
            throw new IllegalArgumentException("not an audit head (the first line must be \"" + MAGIC + "\")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("audit head line " + (i + 1) + " is not name=value");
            }
            fields.put(lines[i].substring(0, eq).strip(), lines[i].substring(eq + 1).strip());
        }
        try {
            return new AuditHead(required(fields, "kiosk"), Long.parseLong(required(fields, "seq")),
                    required(fields, "link"), Long.parseLong(required(fields, "firstKeyed")),
                    Instant.parse(required(fields, "at")), required(fields, "keyId"), required(fields, "mac"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("audit head has a malformed field: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("audit head has no " + name + " field");
        }
        return value;
    }
}
