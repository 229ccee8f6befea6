package org.openkiosk.app.service.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.store.Store;

/**
 * The append-only, hash-chained audit trail. {@link #append} runs inside the caller's transaction, so the
 * audited change and its record commit or roll back together. The single {@code audit_head} row is locked by
 * every append, which gives one global order even with several kiosks on one PostgreSQL database.
 */
public final class AuditLog {

    private final Store store;
    private final Clock clock;
    private final String kioskId;

    public AuditLog(Store store, Clock clock, String kioskId) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.kioskId = Objects.requireNonNull(kioskId);
    }

    /** Appends a record within the caller's open transaction; call it last, to hold the head lock briefly. */
    public AuditRecord append(Connection connection, AuditEntry entry) throws SQLException {
        long seq;
        String prevHash;
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("audit_head row is missing; the audit trail cannot be extended");
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            prevHash = rs.getString(2);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditRecord record = new AuditRecord(seq, at, kioskId, entry.action().name(), entry.subject(),
                entry.detailsText(), prevHash, null);
        String hash = record.computeHash();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(3, kioskId);
            insert.setString(4, record.action());
            insert.setString(5, record.subject());
            insert.setString(6, record.details());
            insert.setString(7, prevHash);
            insert.setString(8, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement advance = connection.prepareStatement(
                "UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
            advance.setString(1, hash);
            advance.executeUpdate();
        }
        return new AuditRecord(seq, at, kioskId, record.action(), record.subject(), record.details(), prevHash, hash);
    }

    /**
     * Walks the chain from the first record: each must follow its predecessor without a gap, name the
     * predecessor's hash, and hash to what it carries; the head must point at the last record.
     */
    public AuditVerification verify() {
        return store.inTransaction(connection -> {
            long checked = 0;
            long expectedSeq = 1;
            String expectedPrev = genesisHash();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash"
                            + " FROM audit_log ORDER BY seq")) {
                query.setFetchSize(500);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord r = new AuditRecord(rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8));
                        checked++;
                        Optional<String> problem = problemWith(r, expectedSeq, expectedPrev);
                        if (problem.isPresent()) {
                            // a gap is reported at the first missing sequence number
                            return broken(checked, Math.min(r.seq(), expectedSeq), problem.get());
                        }
                        expectedSeq = r.seq() + 1;
                        expectedPrev = r.hash();
                    }
                }
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    return broken(checked, expectedSeq, "the audit head row was deleted");
                }
                if (rs.getLong(1) != expectedSeq - 1 || !rs.getString(2).equals(expectedPrev)) {
                    return broken(checked, expectedSeq, "records from " + expectedSeq + " to " + rs.getLong(1)
                            + " were removed from the end of the trail");
                }
            }
            return new AuditVerification(checked, Optional.empty());
        });
    }

    private static Optional<String> problemWith(AuditRecord r, long expectedSeq, String expectedPrev) {
        if (r.seq() != expectedSeq) {
            return Optional.of("record " + expectedSeq + (r.seq() - expectedSeq == 1 ? " is" : "–" + (r.seq() - 1)
                    + " are") + " missing (next present record is " + r.seq() + ")");
        }
        if (!expectedPrev.equals(r.prevHash())) {
            return Optional.of("previous-hash field does not match the hash of record " + (r.seq() - 1));
        }
        if (!r.computeHash().equals(r.hash())) {
            return Optional.of("content does not match its hash (record altered after it was written)");
        }
        return Optional.empty();
    }

    private static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(checked, Optional.of(new AuditVerification.BrokenLink(seq, reason)));
    }

    static String genesisHash() {
        return "0".repeat(64);
    }

    /** Number of records, for statistics and tests. */
    public long size() {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
