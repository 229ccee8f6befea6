package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The typed rows the hall store keeps for forwarded records. Each runs once per record key (the receipt in
 * {@code hall_record} is the gate), so a plain INSERT: a unique violation here (a ticket number handed out twice)
 * is a real fault and fails the batch loudly instead of being swallowed.
 */
final class HallAppliers {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HallAppliers.class);

    private HallAppliers() {}

    static void rating(Connection hall, JournalRecord r) throws SQLException {
        try (PreparedStatement insert = hall.prepareStatement("INSERT INTO rating (service_code, kiosk_id, rated_at,"
                + " level, reason, record_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, r.field("service"));
            insert.setString(2, r.kioskId());
            insert.setObject(3, Journal.utc(r.createdAt()));
            insert.setInt(4, Integer.parseInt(r.field("level")));
            insert.setString(5, r.fields().get("reason"));
            insert.setString(6, r.key());
            insert.executeUpdate();
        }
    }

    static RecordApplier walkInTicket(String hallId) {
        return (hall, r) -> insertTicket(hall, r, hallId, null);
    }

    /** The queue ticket of a walk-in or check-in record, WAITING; {@code bookingId} null for a walk-in. */
    private static void insertTicket(Connection hall, JournalRecord r, String hallId, Long bookingId)
            throws SQLException {
        try (PreparedStatement insert = hall.prepareStatement("INSERT INTO queue_ticket (hall_id, ticket_date,"
                + " counter_type, ticket_no, priority, booking_id, service_code, issued_at, kiosk_id, status,"
                + " record_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?)")) {
            insert.setString(1, r.fields().getOrDefault("hall", hallId));
            insert.setObject(2, LocalDate.parse(r.field("date")));
            insert.setString(3, r.field("counterType"));
            insert.setString(4, r.field("ticket"));
            insert.setInt(5, Integer.parseInt(r.field("priority")));
            if (bookingId == null) {
                insert.setNull(6, java.sql.Types.BIGINT);
            } else {
                insert.setLong(6, bookingId);
            }
            insert.setString(7, r.field("service"));
            insert.setObject(8, Journal.utc(Instant.parse(r.field("issuedAt"))));
            insert.setString(9, r.kioskId());
            insert.setString(10, r.key());
            insert.executeUpdate();
        }
    }

    /** Why a check-in record was declined: the appointment was not booked any more (it says what it was). */
    static final String DECLINED_PREFIX = "booking ";

    /**
     * A check-in (ADR 0173): the appointment's row is locked and moved from BOOKED to CHECKED_IN, and the ticket goes
     * in with the appointment's id ({@code queue_ticket.booking_id} is unique: one ticket per appointment, whichever
     * kiosk). When another record checked the appointment in first, or it was cancelled meanwhile, nothing is
     * applied and {@code hall_record_declined} says why: a record both kiosks sent must not stop the batch, and must not give a
     * second ticket either.
     */
    static RecordApplier checkIn(String hallId, java.time.Clock clock) {
        return (hall, r) -> {
            Long bookingId = null;
            String status = "NOT_FOUND";
            try (PreparedStatement lock = hall.prepareStatement(
                    "SELECT id, status FROM booking WHERE code = ? FOR UPDATE")) {
                lock.setString(1, r.field("booking"));
                try (java.sql.ResultSet rs = lock.executeQuery()) {
                    if (rs.next()) {
                        bookingId = rs.getLong(1);
                        status = rs.getString(2);
                    }
                }
            }
            if (bookingId == null || !"BOOKED".equals(status)) {
                try (PreparedStatement decline = hall.prepareStatement(
                        "INSERT INTO hall_record_declined (record_key, reason, declined_at) VALUES (?, ?, ?)")) {
                    decline.setString(1, r.key());
                    decline.setString(2, DECLINED_PREFIX + status);
                    decline.setObject(3, Journal.utc(clock.instant()));
                    decline.executeUpdate();
                }
                LOG.warn("the hall store declined check-in record {} of {}: {} (no ticket {} in the queue)", r.key(),
                        r.kioskId(), DECLINED_PREFIX + status, r.field("ticket"));
                return;
            }
            try (PreparedStatement use = hall.prepareStatement("UPDATE booking SET status = 'CHECKED_IN',"
                    + " active_holder = NULL WHERE id = ? AND status = 'BOOKED'")) {
                use.setLong(1, bookingId);
                if (use.executeUpdate() != 1) { // cannot happen under the row lock: fail loudly
                    throw new SQLException("booking " + r.field("booking") + " changed under its row lock");
                }
            }
            insertTicket(hall, r, hallId, bookingId);
        };
    }
}
