package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openkiosk.app.store.Store;

/**
 * The hall store's side of forwarding (ADR 0160). Each record is taken exactly once by its key: an
 * {@code INSERT ... ON CONFLICT DO NOTHING} into {@code hall_record} either adds the receipt (and then the record's
 * applier writes its typed row in the same transaction) or changes nothing because an earlier delivery did. There is
 * no "check, then insert": two kiosks, or a kiosk and its own retry, cannot both pass a check.
 */
public final class HallInbox {

    private final Store hall;
    private final Clock clock;
    private final Map<RecordKind, RecordApplier> appliers;

    public HallInbox(Store hall, Clock clock, Map<RecordKind, RecordApplier> appliers) {
        this.hall = hall;
        this.clock = clock;
        this.appliers = new EnumMap<>(appliers);
    }

    /** The hall store with the appliers of every record kind the kiosk writes. */
    public static HallInbox standard(Store hall, Clock clock, String hallId) {
        return new HallInbox(hall, clock, Map.of(
                RecordKind.RATING, HallAppliers::rating,
                RecordKind.WALK_IN_TICKET, HallAppliers.walkInTicket(hallId),
                RecordKind.CHECK_IN, HallAppliers.checkIn(hallId, clock)));
    }

    public Store store() {
        return hall;
    }

    /**
     * Takes a batch in one transaction; returns how many were new (the rest had arrived before).
     *
     * @throws org.openkiosk.app.store.StoreUnavailableException the hall store cannot be reached (nothing taken, or
     *                                                           taken and the reply lost: a later delivery is a no-op)
     */
    public int accept(List<JournalRecord> batch) {
        return take(batch).fresh();
    }

    /**
     * What the hall store made of a batch (ADR 0199).
     *
     * @param fresh    records taken now (the rest had arrived before)
     * @param declined by record key, why the hall store declined those check-in records of the batch it received
     *                 and did not apply — now or at an earlier delivery whose answer the kiosk may never have heard
     */
    public record Answer(int fresh, Map<String, String> declined) {
        public Answer {
            declined = Map.copyOf(declined);
        }
    }

    /**
     * {@link #accept} that also answers which records of the batch the hall store declined, read in the same
     * transaction: the shipper learns it with the receipt, whether the citizen is still at the kiosk or not.
     */
    public Answer take(List<JournalRecord> batch) {
        return hall.inTransaction(c -> {
            int fresh = 0;
            for (JournalRecord record : batch) {
                if (receive(c, record)) {
                    applierOf(record).apply(c, record);
                    fresh++;
                }
            }
            return new Answer(fresh, declinedOf(c, batch));
        });
    }

    /** The hall's reasons for the check-in records of {@code batch} it declined (by key). */
    private static Map<String, String> declinedOf(Connection c, List<JournalRecord> batch) throws SQLException {
        List<String> keys = batch.stream().filter(r -> r.kind() == RecordKind.CHECK_IN).map(JournalRecord::key)
                .distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> declined = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_key, reason FROM hall_record_declined"
                + " WHERE record_key IN (" + String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    declined.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return declined;
    }

    /**
     * What became of a forwarded record in the hall store: empty when the hall has no receipt of it (not forwarded,
     * or the hall restored from an older backup); else applied, or declined and why.
     */
    public java.util.Optional<Receipt> receiptOf(String recordKey) {
        return receiptOf(hall, recordKey);
    }

    /** {@link #receiptOf(String)} on a hall store opened by a kiosk's services. */
    public static java.util.Optional<Receipt> receiptOf(Store hall, String recordKey) {
        return hall.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.reason FROM hall_record r"
                    + " LEFT JOIN hall_record_declined d ON d.record_key = r.record_key WHERE r.record_key = ?")) {
                ps.setString(1, recordKey);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(new Receipt(
                            java.util.Optional.ofNullable(rs.getString(1)))) : java.util.Optional.empty();
                }
            }
        });
    }

    /** The hall store's receipt of a record: {@code declined} says why a record was received but not applied. */
    public record Receipt(java.util.Optional<String> declined) {
        public boolean applied() {
            return declined.isEmpty();
        }
    }

    private boolean receive(Connection c, JournalRecord record) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO hall_record (record_key, kind, kiosk_id,"
                + " created_at, payload, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, record.key());
            insert.setString(2, record.kind().name());
            insert.setString(3, record.kioskId());
            insert.setObject(4, Journal.utc(record.createdAt()));
            insert.setString(5, record.payload());
            insert.setObject(6, Journal.utc(clock.instant()));
            return insert.executeUpdate() == 1;
        }
    }

    private RecordApplier applierOf(JournalRecord record) {
        RecordApplier applier = appliers.get(record.kind());
        if (applier == null) {
            throw new IllegalStateException("the hall store has no applier for " + record.kind() + " records");
        }
        return applier;
    }
}
