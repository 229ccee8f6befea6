package org.openkiosk.app.service.appointment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import org.openkiosk.app.store.Store;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/**
 * SQL for slots and bookings. Seats are taken with a conditional UPDATE ({@code booked < capacity}) that
 * holds the slot row's lock until commit, so concurrent bookers — threads or kiosks — cannot overbook;
 * the table's CHECK constraint backs it up.
 */
public final class BookingRepository {

    private static final String SELECT = "SELECT b.id, b.code, b.service_code, b.hall_id, s.slot_date, s.start_time,"
            + " b.status, b.id_number FROM booking b JOIN slot s ON s.id = b.slot_id ";

    private final Store store;

    public BookingRepository(Store store) {
        this.store = store;
    }

    /** Takes one seat of the slot, creating the slot row first if needed; returns the slot id. */
    long takeSeat(Connection c, String hallId, String serviceCode, LocalDate date, LocalTime start, int capacity)
            throws SQLException {
        try (PreparedStatement create = c.prepareStatement("INSERT INTO slot (hall_id, service_code, slot_date,"
                + " start_time, capacity, booked) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            create.setString(1, hallId);
            create.setString(2, serviceCode);
            create.setObject(3, date);
            create.setObject(4, start);
            create.setInt(5, capacity);
            create.executeUpdate();
        }
        long slotId;
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM slot WHERE hall_id = ? AND service_code = ?"
                + " AND slot_date = ? AND start_time = ?")) {
            find.setString(1, hallId);
            find.setString(2, serviceCode);
            find.setObject(3, date);
            find.setObject(4, start);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                slotId = rs.getLong(1);
            }
        }
        try (PreparedStatement take = c.prepareStatement(
                "UPDATE slot SET booked = booked + 1 WHERE id = ? AND booked < capacity")) {
            take.setLong(1, slotId);
            if (take.executeUpdate() != 1) {
                throw new AppointmentException(AppointmentException.Reason.SLOT_FULL,
                        "the slot " + date + " " + start + " is fully booked");
            }
        } catch (SQLException e) {
            if ("23513".equals(e.getSQLState()) || "23514".equals(e.getSQLState())) {
                throw new AppointmentException(AppointmentException.Reason.SLOT_FULL,
                        "the slot " + date + " " + start + " is fully booked");
            }
            throw e;
        }
        return slotId;
    }

    void releaseSeat(Connection c, long slotId) throws SQLException {
        try (PreparedStatement release = c.prepareStatement(
                "UPDATE slot SET booked = booked - 1 WHERE id = ? AND booked > 0")) {
            release.setLong(1, slotId);
            if (release.executeUpdate() != 1) {
                throw new SQLException("slot " + slotId + " has no seat to release");
            }
        }
    }

    /** Inserts an active booking; the unique key on (active holder, service) refuses a second one. */
    long insert(Connection c, String code, long slotId, String hallId, String serviceCode, IdNumber holder,
                OffsetDateTime at, String kioskId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO booking (code, slot_id, hall_id, service_code,"
                + " id_number, active_holder, status, booked_at, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?)",
                new String[] {"id"})) {
            insert.setString(1, code);
            insert.setLong(2, slotId);
            insert.setString(3, hallId);
            insert.setString(4, serviceCode);
            insert.setString(5, holder.value());
            insert.setString(6, holder.value());
            insert.setObject(7, at);
            insert.setString(8, kioskId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (Store.isUniqueViolation(e) && String.valueOf(e.getMessage()).toLowerCase().contains("uq_booking_active")) {
                throw new AppointmentException(AppointmentException.Reason.ALREADY_BOOKED,
                        "there is already an active booking for this service");
            }
            throw e;
        }
    }

    /** Moves a BOOKED booking to another status; false when it was no longer BOOKED (a concurrent change). */
    boolean finish(Connection c, long bookingId, BookingStatus newStatus) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE booking SET status = ?, active_holder = NULL"
                + " WHERE id = ? AND status = 'BOOKED'")) {
            update.setString(1, newStatus.name());
            update.setLong(2, bookingId);
            return update.executeUpdate() == 1;
        }
    }

    /** Points a BOOKED booking at another slot; false when it was no longer BOOKED. */
    boolean move(Connection c, long bookingId, long newSlotId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE booking SET slot_id = ? WHERE id = ? AND status = 'BOOKED'")) {
            update.setLong(1, newSlotId);
            update.setLong(2, bookingId);
            return update.executeUpdate() == 1;
        }
    }

    long slotIdOf(Connection c, long bookingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT slot_id FROM booking WHERE id = ?")) {
            ps.setLong(1, bookingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<Booking> byCode(String code) {
        return store.inTransaction(c -> byCode(c, code));
    }

    public Optional<Booking> byCode(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE b.code = ?")) {
            ps.setString(1, code);
            List<Booking> found = read(ps);
            return found.stream().findFirst();
        }
    }

    public Optional<IdNumber> holderOf(String code) {
        return byCode(code).map(Booking::holder);
    }

    /** A person's bookings, newest slot first. */
    public List<Booking> of(IdNumber holder) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT
                    + "WHERE b.id_number = ? ORDER BY s.slot_date DESC, s.start_time DESC")) {
                ps.setString(1, holder.value());
                return read(ps);
            }
        });
    }

    /** Booked seats per slot start for one service, hall and day. */
    public Map<LocalTime, Integer> bookedSeats(String hallId, String serviceCode, LocalDate date) {
        return store.inTransaction(c -> {
            Map<LocalTime, Integer> result = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT start_time, booked FROM slot WHERE hall_id = ?"
                    + " AND service_code = ? AND slot_date = ?")) {
                ps.setString(1, hallId);
                ps.setString(2, serviceCode);
                ps.setObject(3, date);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getObject(1, LocalTime.class), rs.getInt(2));
                    }
                }
            }
            return result;
        });
    }

    private static List<Booking> read(PreparedStatement ps) throws SQLException {
        List<Booking> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(8).indexOf('*') >= 0) {
                    continue; // past retention (BookingRetention): identifies nobody any more
                }
                result.add(new Booking(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalTime.class),
                        BookingStatus.valueOf(rs.getString(7)), parse(rs.getString(8))));
            }
        }
        return result;
    }

    private static IdNumber parse(String stored) throws SQLException {
        try {
            return IdNumber.parse(stored);
        } catch (InvalidIdNumberException e) {
            throw new SQLException("a stored booking holds an invalid ID number: " + e.getMessage(), e);
        }
    }
}
