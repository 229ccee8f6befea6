package org.openkiosk.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gap-free counters (certificate numbers, queue tickets per hall per day) shared by every kiosk on the same
 * database. The UPDATE takes the counter row's lock, so concurrent callers are served one after another and
 * the number is only used if the caller's transaction commits.
 */
public final class NumberSequences {

    private NumberSequences() {}

    /** The next value of the named counter (1 for a new counter), within the caller's transaction. */
    public static long next(Connection connection, String name) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(
                "INSERT INTO number_sequence (name, last_value) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
            create.setString(1, name);
            create.executeUpdate();
        }
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE number_sequence SET last_value = last_value + 1 WHERE name = ?")) {
            bump.setString(1, name);
            if (bump.executeUpdate() != 1) {
                throw new SQLException("number sequence " + name + " vanished");
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_value FROM number_sequence WHERE name = ?")) {
            read.setString(1, name);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The counter of a hall's queue on a day: queue ticket numbers, unique per hall, day and queue (ADR 0161). Both the
     * kiosk that takes a number and the hall store that applies a forwarded ticket record (ADR 0198) name it so.
     */
    public static String ticketSequence(String hallId, java.time.LocalDate day, String counterType) {
        return "ticket:" + hallId + ":" + day + ":" + counterType;
    }

    /**
     * Moves the named counter up to {@code issued} when it is behind (a number handed out from it is known to be
     * issued: a forwarded ticket record, a reserved block), and never down (ADR 0198). A counter that is not behind is
     * not written, and its row not locked: in a hall store that was never restored this reads and changes nothing.
     *
     * @return whether the counter was behind and moved
     */
    public static boolean advanceTo(Connection connection, String name, long issued) throws SQLException {
        try (PreparedStatement create = connection.prepareStatement(
                "INSERT INTO number_sequence (name, last_value) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            create.setString(1, name);
            create.setLong(2, issued);
            if (create.executeUpdate() == 1) {
                return true; // a counter the hall store had lost altogether
            }
        }
        try (PreparedStatement raise = connection.prepareStatement(
                "UPDATE number_sequence SET last_value = ? WHERE name = ? AND last_value < ?")) {
            raise.setLong(1, issued);
            raise.setString(2, name);
            raise.setLong(3, issued);
            return raise.executeUpdate() == 1;
        }
    }

    /**
     * Reserves the next {@code count} values of the named counter for one caller (a kiosk's walk-in numbers for an
     * outage, ADR 0161) and returns the first; every other caller continues after the last.
     */
    public static long reserve(Connection connection, String name, int count) throws SQLException {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one number, not " + count);
        }
        long first = next(connection, name);
        if (count > 1) {
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE number_sequence SET last_value = last_value + ? WHERE name = ?")) {
                bump.setLong(1, count - 1L);
                bump.setString(2, name);
                bump.executeUpdate();
            }
        }
        return first;
    }
}
