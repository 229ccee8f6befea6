package org.openkiosk.app.session;

import java.time.Clock;
import java.time.LocalDate;

/**
 * How many citizen sessions this kiosk process started today, for the fleet's telemetry. A count only: nothing
 * about who. Process-wide like a metric, because the UI owns the sessions and the fleet link only reads the figure.
 */
public final class SessionStatistics {

    private static LocalDate day;
    private static long started;
    private static volatile boolean active;

    private SessionStatistics() {}

    static synchronized void sessionStarted(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(day)) {
            day = today;
            started = 0;
        }
        started++;
        active = true;
    }

    static void sessionEnded() {
        active = false;
    }

    /** Whether a citizen is being served right now (a restart waits until nobody is). */
    public static boolean sessionActive() {
        return active;
    }

    /** Sessions started since local midnight. */
    public static synchronized long startedToday(Clock clock) {
        return LocalDate.now(clock).equals(day) ? started : 0;
    }
}
