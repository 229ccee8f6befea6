package org.openkiosk.app.store.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openkiosk.app.store.Store;

/**
 * Which journal records each {@link JournalTarget} has taken or refused (table {@code journal_delivery}, ADR 0162).
 * A record of a target's kinds without a row for that target is waiting. Kept apart from the hall store's
 * {@code forwarded_at}, so that each target advances on its own.
 */
public final class TargetDeliveries {

    /** How a target settled a record. */
    public enum Outcome { DELIVERED, REJECTED }

    /** A record a target refused for good, for the operator. */
    public record Rejection(String recordKey, Instant at, String detail) {}

    private final Store journal;

    public TargetDeliveries(Store journal) {
        this.journal = journal;
    }

    /** The oldest records of {@code kinds} the target has not settled, in the order they were written. */
    public List<JournalRecord> waiting(String target, Set<RecordKind> kinds, int limit) {
        return journal.inTransaction(c -> {
            List<JournalRecord> records = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.record_key, r.kind, r.kiosk_id, r.created_at,"
                    + " r.payload FROM journal_record r WHERE r.kind IN (" + placeholders(kinds) + ") AND NOT EXISTS"
                    + " (SELECT 1 FROM journal_delivery d WHERE d.target = ? AND d.record_key = r.record_key)"
                    + " ORDER BY r.seq LIMIT " + limit)) {
                int i = bindKinds(ps, kinds);
                ps.setString(i, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(Journal.record(rs));
                    }
                }
            }
            return records;
        });
    }

    public long waitingCount(String target, Set<RecordKind> kinds) {
        return journal.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM journal_record r WHERE r.kind IN ("
                    + placeholders(kinds) + ") AND NOT EXISTS (SELECT 1 FROM journal_delivery d WHERE d.target = ?"
                    + " AND d.record_key = r.record_key)")) {
                ps.setString(bindKinds(ps, kinds), target);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Records how the target settled a record. Not forced to disk: losing this row in a power cut only hands the
     * record to the target again, which takes it once by its key.
     */
    public void settle(String target, JournalRecord record, Outcome outcome, Instant at, String detail) {
        journal.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO journal_delivery (target, record_key,"
                    + " outcome, decided_at, detail) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, target);
                insert.setString(2, record.key());
                insert.setString(3, outcome.name());
                insert.setObject(4, Journal.utc(at));
                insert.setString(5, detail == null ? null : truncate(detail));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Records the target refused since {@code since}, newest first. */
    public List<Rejection> rejectedSince(String target, Instant since) {
        return journal.inTransaction(c -> {
            List<Rejection> rejections = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT record_key, decided_at, detail FROM"
                    + " journal_delivery WHERE target = ? AND outcome = 'REJECTED' AND decided_at >= ?"
                    + " ORDER BY decided_at DESC")) {
                ps.setString(1, target);
                ps.setObject(2, Journal.utc(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rejections.add(new Rejection(rs.getString(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                    }
                }
            }
            return rejections;
        });
    }

    /** How many records the target refused for good and that are still set aside. */
    public long rejectedCount(String target) {
        return journal.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM journal_delivery WHERE target = ? AND outcome = 'REJECTED'")) {
                ps.setString(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A record set aside as refused, with why (ADR 0177). */
    public record SetAside(JournalRecord record, Instant rejectedAt, String detail) {}

    /** Every record the target refused for good and that is still set aside, oldest first. */
    public List<SetAside> setAside(String target) {
        return journal.inTransaction(c -> {
            List<SetAside> records = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.record_key, r.kind, r.kiosk_id, r.created_at,"
                    + " r.payload, d.decided_at, d.detail FROM journal_delivery d JOIN journal_record r"
                    + " ON r.record_key = d.record_key WHERE d.target = ? AND d.outcome = 'REJECTED' ORDER BY r.seq")) {
                ps.setString(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(new SetAside(Journal.record(rs), rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getString(7)));
                    }
                }
            }
            return records;
        });
    }

    /**
     * A record set aside as REJECTED was taken when sent again (by a technician after the cause was fixed): it is
     * DELIVERED from now on. Only a REJECTED row changes; returns whether one did.
     */
    public boolean deliveredAfterRejection(String target, String recordKey, Instant at, String detail) {
        return journal.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE journal_delivery SET outcome = 'DELIVERED',"
                    + " decided_at = ?, detail = ? WHERE target = ? AND record_key = ? AND outcome = 'REJECTED'")) {
                ps.setObject(1, Journal.utc(at));
                ps.setString(2, truncate(detail));
                ps.setString(3, target);
                ps.setString(4, recordKey);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** How a target settled a record, if it has. */
    public Optional<Outcome> outcome(String target, String recordKey) {
        return journal.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outcome FROM journal_delivery WHERE target = ? AND record_key = ?")) {
                ps.setString(1, target);
                ps.setString(2, recordKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Outcome.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    private static String placeholders(Set<RecordKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a target receives at least one record kind");
        }
        return kinds.stream().map(k -> "?").collect(Collectors.joining(", "));
    }

    /** Binds the kinds from parameter 1; returns the next parameter's index. */
    private static int bindKinds(PreparedStatement ps, Set<RecordKind> kinds) throws SQLException {
        int i = 1;
        for (RecordKind kind : kinds.stream().sorted().toList()) {
            ps.setString(i++, kind.name());
        }
        return i;
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}
