package org.openkiosk.app.service.appointment;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.openkiosk.app.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps full ID numbers in bookings only as long as the service needs them: a booking whose appointment day lies
 * more than {@code keepDays} days back has its number reduced to the masked form ({@code 1101**********002X}) —
 * whatever its status, a no-show included. Such a booking no longer identifies anyone: its slip and the holder's
 * lists stop finding it ({@link BookingRepository} skips masked rows). Print records never hold the number (see
 * {@code HolderKey}). Run daily by the runtime; idempotent.
 */
public final class BookingRetention {

    private static final Logger LOG = LoggerFactory.getLogger(BookingRetention.class);
    /** Default: 30 days after the appointment. */
    public static final int DEFAULT_KEEP_DAYS = 30;

    private final Store store;
    private final Clock clock;
    private final ZoneId zone;
    private final int keepDays;

    public BookingRetention(Store store, Clock clock, ZoneId zone, int keepDays) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keepDays must be at least 1");
        }
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.keepDays = keepDays;
    }

    /** Masks the numbers of bookings past retention; returns how many were reduced. */
    public int run() {
        LocalDate before = LocalDate.now(clock.withZone(zone)).minusDays(keepDays);
        int reduced = store.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE booking SET id_number ="
                    + " SUBSTRING(id_number FROM 1 FOR 4) || '**********' || SUBSTRING(id_number FROM 15 FOR 4),"
                    + " active_holder = NULL WHERE id_number NOT LIKE '%*%'"
                    + " AND slot_id IN (SELECT id FROM slot WHERE slot_date < ?)")) {
                update.setObject(1, before);
                return update.executeUpdate();
            }
        });
        if (reduced > 0) {
            LOG.info("retention: {} bookings with appointments before {} reduced to masked ID numbers", reduced, before);
        }
        return reduced;
    }
}
