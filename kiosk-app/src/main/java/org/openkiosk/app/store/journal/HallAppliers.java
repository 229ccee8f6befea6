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
        return (hall, r) -> {
            try (PreparedStatement insert = hall.prepareStatement("INSERT INTO queue_ticket (hall_id, ticket_date,"
                    + " counter_type, ticket_no, priority, service_code, issued_at, kiosk_id, status, record_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?)")) {
                insert.setString(1, r.fields().getOrDefault("hall", hallId));
                insert.setObject(2, LocalDate.parse(r.field("date")));
                insert.setString(3, r.field("counterType"));
                insert.setString(4, r.field("ticket"));
                insert.setInt(5, Integer.parseInt(r.field("priority")));
                insert.setString(6, r.field("service"));
                insert.setObject(7, Journal.utc(Instant.parse(r.field("issuedAt"))));
                insert.setString(8, r.kioskId());
                insert.setString(9, r.key());
                insert.executeUpdate();
            }
        };
    }
}
