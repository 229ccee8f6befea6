package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openkiosk.app.store.Dialect;
import org.openkiosk.app.store.Store;

/**
 * The kiosk's local journal (ADR 0160): records it decided, in its own H2 file, each written in the same local
 * transaction as the decision and forced to disk before the transaction returns. The {@link Shipper} forwards the
 * waiting ones to the hall store and marks them forwarded; nothing is deleted here.
 */
public final class Journal {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Journal.class);

    private final Store local;
    private final Clock clock;
    private final String kioskId;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> declineListeners = new CopyOnWriteArrayList<>();
    /** The newest record marked forwarded, once read (null: read it again); see {@link #newestForwarded()}. */
    private volatile Optional<JournalRecord> newestForwarded;
    private volatile Optional<Reforwarded> lastReforward = Optional.empty();

    public Journal(Store local, Clock clock, String kioskId) {
        if (local.dialect() != Dialect.H2) {
            throw new IllegalArgumentException("the journal is the kiosk's own H2 file, not " + local.description());
        }
        this.local = local;
        this.clock = Objects.requireNonNull(clock);
        this.kioskId = Objects.requireNonNull(kioskId);
    }

    /** The journal's database, for the local part of a decision (e.g. a reserved ticket number). */
    public Store store() {
        return local;
    }

    public String kioskId() {
        return kioskId;
    }

    /**
     * Writes a record inside the caller's transaction on {@link #store()}; the transaction then commits durably and
     * the shipper is woken once it has.
     */
    public JournalRecord append(Connection connection, RecordKind kind, Map<String, String> fields)
            throws SQLException {
        JournalRecord record = new JournalRecord(kioskId + ":" + UUID.randomUUID(), kind, kioskId, clock.instant(),
                JournalRecord.payloadOf(fields));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO journal_record (record_key, kind,"
                + " kiosk_id, created_at, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, record.key());
            insert.setString(2, kind.name());
            insert.setString(3, kioskId);
            insert.setObject(4, utc(record.createdAt()));
            insert.setString(5, record.payload());
            insert.executeUpdate();
        }
        local.requireDurableCommit(connection);
        for (Runnable listener : appendListeners) {
            local.afterCommit(connection, listener);
        }
        return record;
    }

    /** Runs after every committed append (the shipper's wake-up). */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    /** The oldest records not yet forwarded, in the order they were written. */
    public List<JournalRecord> waiting(int limit) {
        return local.inTransaction(c -> select(c, "WHERE forwarded_at IS NULL ORDER BY seq LIMIT " + limit));
    }

    /** Every record, forwarded or not, in the order written (comparisons after a fault). */
    public List<JournalRecord> all() {
        return local.inTransaction(c -> select(c, "ORDER BY seq"));
    }

    public long waitingCount() {
        return local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM journal_record WHERE forwarded_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Whether the hall store has confirmed the record (it took it now or had it already). */
    public boolean forwarded(String recordKey) {
        return local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT forwarded_at IS NOT NULL FROM journal_record WHERE record_key = ?")) {
                ps.setString(1, recordKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** When the oldest waiting record was written; empty when none waits. */
    public Optional<Instant> oldestWaiting() {
        return local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(created_at) FROM journal_record WHERE forwarded_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        });
    }

    /**
     * The newest record the hall store has confirmed, as far as this journal knows: the probe of ADR 0198 (a hall store
     * that lacks it lost records). Read once, then kept up to date by {@link #markForwarded}.
     */
    public Optional<JournalRecord> newestForwarded() {
        Optional<JournalRecord> known = newestForwarded;
        if (known == null) {
            known = local.inTransaction(c -> select(c, "WHERE forwarded_at IS NOT NULL ORDER BY seq DESC LIMIT 1"))
                    .stream().findFirst();
            newestForwarded = known;
        }
        return known;
    }

    /**
     * Sends again what a hall store restored from a backup lacks (ADR 0198): every record marked forwarded after the
     * newest one the hall store still holds of this kiosk ({@code lost}), by the journal's order or by time (a
     * record too many is harmless: the hall store takes each key once). Returns how many are waiting again; none
     * when the hall store holds no record of this kiosk at all (a new database, or a backup older than the kiosk:
     * {@code ./kiosk store reforward} decides that, not the kiosk).
     */
    public int reforwardLost(HallInbox.Lost lost) {
        if (lost.newestKey().isEmpty()) {
            return 0;
        }
        int marked = local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE journal_record SET forwarded_at = NULL"
                    + " WHERE forwarded_at IS NOT NULL AND record_key <> ? AND (created_at >= ?"
                    + " OR seq > (SELECT seq FROM journal_record WHERE record_key = ?))")) {
                ps.setString(1, lost.newestKey().get());
                ps.setObject(2, utc(lost.newestCreatedAt().orElseThrow()));
                ps.setString(3, lost.newestKey().get());
                return ps.executeUpdate();
            }
        });
        newestForwarded = null;
        if (marked > 0) {
            lastReforward = Optional.of(new Reforwarded(clock.instant(), marked));
            log.warn("the hall store lacks record {} it had confirmed (restored from a backup?); the newest it holds of"
                    + " this kiosk was written at {}: {} record(s) are forwarded again", lost.anchorKey(),
                    lost.newestCreatedAt().orElseThrow(), marked);
        }
        return marked;
    }

    /** When this journal last found the hall store restored and how many records it sent again (ADR 0198). */
    public record Reforwarded(Instant at, int records) {}

    /** The last {@link #reforwardLost} that sent records again, since this journal was opened. */
    public Optional<Reforwarded> lastReforward() {
        return lastReforward;
    }

    /** Marks records the hall store has confirmed (whether it took them now or had them already). */
    public void markForwarded(List<JournalRecord> records, Instant at) {
        markForwarded(records, at, Map.of());
    }

    /**
     * Marks records the hall store has confirmed and, in the same transaction, notes those it declined ({@code
     * declined}: reason by record key, ADR 0199) unless noted before; the {@link #onDeclined} listeners run after the
     * commit when a decline was new. A power cut losing this transaction loses both: the batch is sent again and the
     * hall's answer read again.
     */
    public void markForwarded(List<JournalRecord> records, Instant at, Map<String, String> declined) {
        local.inTransaction(c -> {
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE journal_record SET forwarded_at = ? WHERE record_key = ? AND forwarded_at IS NULL")) {
                for (JournalRecord r : records) {
                    mark.setObject(1, utc(at));
                    mark.setString(2, r.key());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
            int learned = 0;
            for (Map.Entry<String, String> d : declined.entrySet()) {
                learned += noteDeclined(c, d.getKey(), d.getValue(), at);
            }
            if (learned > 0) {
                for (Runnable listener : declineListeners) {
                    local.afterCommit(c, listener);
                }
            }
            return null;
        });
        if (!records.isEmpty() && newestForwarded != null) { // the batch is the oldest waiting, in the journal's order
            newestForwarded = Optional.of(records.get(records.size() - 1));
        }
    }

    private static int noteDeclined(Connection c, String recordKey, String reason, Instant at) throws SQLException {
        try (PreparedStatement known = c.prepareStatement("SELECT 1 FROM journal_declined WHERE record_key = ?")) {
            known.setString(1, recordKey);
            try (ResultSet rs = known.executeQuery()) {
                if (rs.next()) {
                    return 0; // a resend or a reforward: known already (only the shipper's thread writes here)
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO journal_declined (record_key, reason, declined_at) VALUES (?, ?, ?)")) {
            insert.setString(1, recordKey);
            insert.setString(2, reason);
            insert.setObject(3, utc(at));
            return insert.executeUpdate();
        }
    }

    /**
     * A ticket record (check-in or walk-in) of this kiosk the hall store received and declined (ADRs 0199, 0202).
     *
     * @param declinedAt when the shipper learned it
     * @param audited    its audit entry ({@code CHECK_IN_DECLINED}, {@code TICKET_DECLINED}) is written
     * @param said       the citizen was told at the kiosk, or given a new number (no ticket of it is out there); else
     *                   the ticket was printed, or the kiosk had restarted meanwhile
     */
    public record Declined(JournalRecord record, String reason, Instant declinedAt, boolean audited, boolean said) {}

    /** Runs after every commit that noted a decline the journal did not know (on the shipper's thread). */
    public void onDeclined(Runnable listener) {
        declineListeners.add(listener);
    }

    /** Declines whose audit entry is not written yet, oldest first. */
    public List<Declined> declinedNotAudited() {
        return declined("WHERE d.audited_at IS NULL", null);
    }

    /** Declines learned since {@code since}, oldest first. */
    public List<Declined> declinedSince(Instant since) {
        return declined("WHERE d.declined_at >= ?", since);
    }

    private List<Declined> declined(String where, Instant since) {
        return local.inTransaction(c -> {
            List<Declined> declined = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.record_key, r.kind, r.kiosk_id, r.created_at,"
                    + " r.payload, d.reason, d.declined_at, d.audited_at IS NOT NULL, d.said_at IS NOT NULL"
                    + " FROM journal_declined d JOIN journal_record r ON r.record_key = d.record_key " + where
                    + " ORDER BY d.declined_at, r.seq")) {
                if (since != null) {
                    ps.setObject(1, utc(since));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        declined.add(new Declined(record(rs), rs.getString(6),
                                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getBoolean(8),
                                rs.getBoolean(9)));
                    }
                }
            }
            return declined;
        });
    }

    /**
     * In the caller's transaction (the one appending the audit entry): marks a decline audited; {@code false} when it
     * was already (another thread got there first: write no second entry).
     */
    public boolean markDeclineAudited(Connection connection, String recordKey, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE journal_declined SET audited_at = ? WHERE record_key = ? AND audited_at IS NULL")) {
            ps.setObject(1, utc(at));
            ps.setString(2, recordKey);
            return ps.executeUpdate() == 1;
        }
    }

    /** The citizen was told of the decline at the kiosk: no ticket of it is out there (no alarm). */
    public void markDeclineSaid(String recordKey, Instant at) {
        local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE journal_declined SET said_at = ? WHERE record_key = ? AND said_at IS NULL")) {
                ps.setObject(1, utc(at));
                ps.setString(2, recordKey);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Forgets that records were forwarded, so they are sent again: after the hall store was restored from a
     * backup older than them ({@code ./kiosk store reforward}). The hall store takes each one it lacks, once. A record
     * written before {@code since} but confirmed after it (it waited through an outage) is not in the backup either.
     */
    public int markUnforwardedSince(Instant since) {
        int marked = local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE journal_record SET forwarded_at = NULL WHERE created_at >= ? OR forwarded_at >= ?")) {
                ps.setObject(1, utc(since));
                ps.setObject(2, utc(since));
                return ps.executeUpdate();
            }
        });
        newestForwarded = null;
        return marked;
    }

    private static List<JournalRecord> select(Connection c, String tail) throws SQLException {
        List<JournalRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT record_key, kind, kiosk_id, created_at, payload FROM journal_record " + tail);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(record(rs));
            }
        }
        return records;
    }

    /** The record in columns 1–5 of {@code rs}: record_key, kind, kiosk_id, created_at, payload. */
    static JournalRecord record(ResultSet rs) throws SQLException {
        return new JournalRecord(rs.getString(1), RecordKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
