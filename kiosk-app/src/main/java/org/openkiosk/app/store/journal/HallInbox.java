package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                RecordKind.CHECK_IN, HallAppliers.checkIn(hallId),
                RecordKind.TICKET_BLOCK, HallAppliers::ticketBlock));
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
        return accept(batch, Optional.empty()).fresh();
    }

    /**
     * Takes a batch in one transaction, after checking that the hall store still holds {@code anchor}, the newest
     * record the kiosk's journal has marked forwarded (ADR 0198): a hall store that confirmed a record and no longer
     * has it was restored from an older backup, and the records it lost must come again first (their numbers move the
     * counters, {@link HallAppliers}). The answer also says which ticket records of the batch (check-ins and walk-ins)
     * the hall store declined, read in the same transaction (ADRs 0199, 0202): the shipper learns it with the receipt,
     * whether the citizen is still at the kiosk or not.
     *
     * @throws RecordsLost the hall store lacks {@code anchor}; nothing was taken
     */
    public Taken accept(List<JournalRecord> batch, Optional<JournalRecord> anchor) {
        return hall.inTransaction(c -> {
            if (anchor.isPresent()) {
                Optional<Lost> lost = lost(c, anchor.get());
                if (lost.isPresent()) {
                    throw new RecordsLost(lost.get());
                }
            }
            int fresh = 0;
            List<String> numbersTwice = new ArrayList<>();
            for (JournalRecord record : batch) {
                if (receive(c, record)) {
                    Optional<String> declined = applierOf(record).apply(c, record);
                    if (declined.isPresent()) {
                        decline(c, record, declined.get());
                        if (isNumberTwice(declined.get())) {
                            numbersTwice.add(record.field("ticket"));
                        }
                    }
                    fresh++;
                }
            }
            return new Taken(fresh, List.copyOf(numbersTwice), declinedOf(c, batch));
        });
    }

    /**
     * The hall's reasons for the records of {@code batch} that carry a ticket number (check-ins and walk-ins, {@link
     * RecordKind#carriesTicket()}) it declined, by key (ADR 0202).
     */
    private static Map<String, String> declinedOf(Connection c, List<JournalRecord> batch) throws SQLException {
        List<String> keys = batch.stream().filter(r -> r.kind().carriesTicket()).map(JournalRecord::key)
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
     * What a batch did in the hall store.
     *
     * @param fresh        records new to the hall store (the rest had arrived before)
     * @param numbersTwice ticket numbers among them that another record held already (declined; ADR 0198)
     * @param declined     by record key, why the hall store declined those ticket records of the batch (check-ins and
     *                     walk-ins, ADR 0202) it received
     *                     and did not apply — now or at an earlier delivery whose answer the kiosk may never have heard
     *                     (ADR 0199)
     */
    public record Taken(int fresh, List<String> numbersTwice, Map<String, String> declined) {
        public Taken {
            numbersTwice = List.copyOf(numbersTwice);
            declined = Map.copyOf(declined);
        }
    }

    /**
     * What the hall store holds of a kiosk whose confirmed record {@code anchorKey} it lacks (ADR 0198).
     *
     * @param newestKey       the kiosk's record the hall store received last (by the kiosk's time); empty: it holds
     *                        none of the kiosk's records at all
     * @param newestCreatedAt when the kiosk wrote that record
     */
    public record Lost(String kioskId, String anchorKey, Optional<String> newestKey, Optional<Instant> newestCreatedAt) {}

    /** The hall store lacks a record it had confirmed to the kiosk: it was restored from a backup (ADR 0198). */
    public static final class RecordsLost extends RuntimeException {
        private final transient Lost lost;

        RecordsLost(Lost lost) {
            super("the hall store lacks record " + lost.anchorKey() + " it had confirmed to " + lost.kioskId());
            this.lost = lost;
        }

        public Lost lost() {
            return lost;
        }
    }

    /**
     * Whether the hall store lacks {@code anchor}, a record it confirmed to the kiosk (ADR 0198); empty when it holds
     * it. One primary-key look-up while nothing was lost.
     */
    public static Optional<Lost> lost(Connection c, JournalRecord anchor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM hall_record WHERE record_key = ?")) {
            ps.setString(1, anchor.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT record_key, created_at FROM hall_record"
                + " WHERE kiosk_id = ? ORDER BY created_at DESC, record_key DESC LIMIT 1")) {
            ps.setString(1, anchor.kioskId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of(new Lost(anchor.kioskId(), anchor.key(), Optional.empty(), Optional.empty()));
                }
                return Optional.of(new Lost(anchor.kioskId(), anchor.key(), Optional.of(rs.getString(1)),
                        Optional.of(rs.getObject(2, OffsetDateTime.class).toInstant())));
            }
        }
    }

    /** Whether a reason a record was declined says its ticket number was held by another record (ADR 0198). */
    static boolean isNumberTwice(String reason) {
        return reason.startsWith("ticket ") && reason.contains(HallAppliers.ISSUED_TWICE);
    }

    private void decline(Connection c, JournalRecord record, String reason) throws SQLException {
        try (PreparedStatement decline = c.prepareStatement(
                "INSERT INTO hall_record_declined (record_key, reason, declined_at) VALUES (?, ?, ?)")) {
            decline.setString(1, record.key());
            decline.setString(2, reason);
            decline.setObject(3, Journal.utc(clock.instant()));
            decline.executeUpdate();
        }
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

        /** Declined because another record held its ticket number (ADR 0198): issue again with a new number. */
        public boolean numberTaken() {
            return declined.isPresent() && isNumberTwice(declined.get());
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
