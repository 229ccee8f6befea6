package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.openkiosk.app.store.NumberSequences;

/**
 * The typed rows the hall store keeps for forwarded records. Each runs once per record key (the receipt in
 * {@code hall_record} is the gate), so a plain INSERT: a unique violation here is a real fault and fails the batch
 * loudly instead of being swallowed. Two answers are not faults and are returned as the reason a record is declined:
 * an appointment that is not booked any more (ADR 0173), and a ticket number another record holds already — possible
 * only after the hall store was restored from a backup (ADR 0198).
 * <p>
 * Every record that carries a ticket number, or a reserved block of numbers, moves the queue's counter up to it
 * ({@link NumberSequences#advanceTo}), in the same transaction as its receipt: a hall store restored from a backup
 * learns the numbers the kiosks handed out since, as their journals forward them again, and does not hand them out a
 * second time.
 */
final class HallAppliers {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HallAppliers.class);

    private HallAppliers() {}

    static Optional<String> rating(Connection hall, JournalRecord r) throws SQLException {
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
        return RecordApplier.APPLIED;
    }

    static RecordApplier walkInTicket(String hallId) {
        return (hall, r) -> {
            advanceCounter(hall, r, hallId);
            return insertTicket(hall, r, hallId, null);
        };
    }

    /** The words of a reason that say a record's ticket number was held by another record already (ADR 0198). */
    static final String ISSUED_TWICE = " issued twice";

    /**
     * The queue ticket of a walk-in or check-in record, WAITING; {@code bookingId} null for a walk-in. A number another
     * ticket of the queue's day holds already (two citizens were given it: a restored hall store handed out again a
     * number whose record had not come back yet) is declined with the other record's key, and logged for technicians
     * at ERROR: the batch goes on, and the staff call both slips.
     */
    private static Optional<String> insertTicket(Connection hall, JournalRecord r, String hallId, Long bookingId)
            throws SQLException {
        String ticketHall = hallOf(r, hallId);
        LocalDate day = LocalDate.parse(r.field("date"));
        String ticketNo = r.field("ticket");
        try (PreparedStatement insert = hall.prepareStatement("INSERT INTO queue_ticket (hall_id, ticket_date,"
                + " counter_type, ticket_no, priority, booking_id, service_code, issued_at, kiosk_id, status,"
                + " record_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, ticketHall);
            insert.setObject(2, day);
            insert.setString(3, r.field("counterType"));
            insert.setString(4, ticketNo);
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
            if (insert.executeUpdate() == 1) {
                return RecordApplier.APPLIED;
            }
        }
        Optional<String> holder = holderOf(hall, ticketHall, day, ticketNo);
        if (holder.isEmpty()) { // not the number: the only other unique keys are gated (record key, booking lock)
            throw new SQLException("ticket of record " + r.key() + " conflicts with a ticket other than " + ticketNo);
        }
        String reason = "ticket " + ticketNo + ISSUED_TWICE + " (" + holder.get() + " has it)";
        LOG.error("ticket number issued twice: {} of {} on {} was handed out by record {} of {} and earlier by {}: the"
                + " hall store was restored from a backup and gave the number again before that record came back."
                + " Both slips are valid; call the number twice (ADR 0198)", ticketNo, ticketHall, day, r.key(),
                r.kioskId(), holder.get());
        return Optional.of(reason);
    }

    /** Who holds a ticket number of the queue's day: its record, or a ticket written without one. */
    private static Optional<String> holderOf(Connection hall, String hallId, LocalDate day, String ticketNo)
            throws SQLException {
        try (PreparedStatement ps = hall.prepareStatement("SELECT record_key, kiosk_id FROM queue_ticket"
                + " WHERE hall_id = ? AND ticket_date = ? AND ticket_no = ?")) {
            ps.setString(1, hallId);
            ps.setObject(2, day);
            ps.setString(3, ticketNo);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1) != null ? "record " + rs.getString(1)
                        : "a ticket of " + rs.getString(2) + " without a record");
            }
        }
    }

    private static String hallOf(JournalRecord r, String hallId) {
        return r.fields().getOrDefault("hall", hallId);
    }

    /**
     * Moves the queue's counter up to the record's number (ADR 0198). Nothing is written while the counter is ahead,
     * which is always so unless the hall store was restored from a backup older than the number.
     */
    private static void advanceCounter(Connection hall, JournalRecord r, String hallId) throws SQLException {
        String sequence = NumberSequences.ticketSequence(hallOf(r, hallId), LocalDate.parse(r.field("date")),
                r.field("counterType"));
        long number = numberOf(r.field("ticket"));
        if (NumberSequences.advanceTo(hall, sequence, number)) {
            LOG.warn("the hall's counter {} was behind ticket {} of record {} of {} (restored from a backup?): moved"
                    + " up to {}", sequence, r.field("ticket"), r.key(), r.kioskId(), number);
        }
    }

    /** The number of a ticket: its digits after the queue's prefix letters ({@code A014} → 14). */
    static long numberOf(String ticketNo) {
        int digits = 0;
        while (digits < ticketNo.length() && !Character.isDigit(ticketNo.charAt(digits))) {
            digits++;
        }
        return Long.parseLong(ticketNo.substring(digits));
    }

    /**
     * A block of a queue's counter a kiosk reserved (ADRs 0161, 0198): its reservation moved the counter past the block
     * when it was made, so this changes nothing; in a hall store restored from an older backup it moves the counter past
     * the block again, and the numbers the kiosk may still hand out during an outage stay its own.
     */
    static Optional<String> ticketBlock(Connection hall, JournalRecord r) throws SQLException {
        String sequence = r.field("sequence");
        long last = Long.parseLong(r.field("last"));
        if (NumberSequences.advanceTo(hall, sequence, last)) {
            LOG.warn("the hall's counter {} was behind the walk-in block {}–{} that {} reserved (restored from a"
                    + " backup?): moved up to {}", sequence, r.field("first"), last, r.kioskId(), last);
        }
        return RecordApplier.APPLIED;
    }

    /** Why a check-in record was declined: the appointment was not booked any more (it says what it was). */
    static final String DECLINED_PREFIX = "booking ";

    /**
     * A check-in (ADR 0173): the appointment's row is locked and moved from BOOKED to CHECKED_IN, and the ticket goes
     * in with the appointment's id ({@code queue_ticket.booking_id} is unique: one ticket per appointment, whichever
     * kiosk). When another record checked the appointment in first, or it was cancelled meanwhile, nothing is
     * applied and the reason is returned: a record both kiosks sent must not stop the batch, and must not give a
     * second ticket either. Its number moves the counter all the same (it was handed out); a number held by another
     * ticket declines the check-in and leaves the appointment booked (ADR 0198).
     */
    static RecordApplier checkIn(String hallId) {
        return (hall, r) -> {
            advanceCounter(hall, r, hallId);
            Long bookingId = null;
            String status = "NOT_FOUND";
            try (PreparedStatement lock = hall.prepareStatement(
                    "SELECT id, status FROM booking WHERE code = ? FOR UPDATE")) {
                lock.setString(1, r.field("booking"));
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next()) {
                        bookingId = rs.getLong(1);
                        status = rs.getString(2);
                    }
                }
            }
            if (bookingId == null || !"BOOKED".equals(status)) {
                LOG.warn("the hall store declined check-in record {} of {}: {} (no ticket {} in the queue)", r.key(),
                        r.kioskId(), DECLINED_PREFIX + status, r.field("ticket"));
                return Optional.of(DECLINED_PREFIX + status);
            }
            Optional<String> ticket = insertTicket(hall, r, hallId, bookingId);
            if (ticket.isPresent()) {
                return ticket; // the appointment stays booked
            }
            try (PreparedStatement use = hall.prepareStatement("UPDATE booking SET status = 'CHECKED_IN',"
                    + " active_holder = NULL WHERE id = ? AND status = 'BOOKED'")) {
                use.setLong(1, bookingId);
                if (use.executeUpdate() != 1) { // cannot happen under the row lock: fail loudly
                    throw new SQLException("booking " + r.field("booking") + " changed under its row lock");
                }
            }
            return RecordApplier.APPLIED;
        };
    }
}
