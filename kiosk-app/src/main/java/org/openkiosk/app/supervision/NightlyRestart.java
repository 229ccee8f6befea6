package org.openkiosk.app.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the kiosk once a night at a quiet hour so that systemd ({@code Restart=always}) starts it fresh: memory,
 * device handles and caches renewed without a person. Only while nobody is being served: a citizen at the
 * kiosk at that time moves the restart to the next check within {@link #WINDOW}; after the window the night is
 * skipped. A process younger than the window never restarts, so the restarted kiosk does not restart again.
 * {@link #tick} is called about once a minute on the thread that may read the served state (the JavaFX thread).
 */
public final class NightlyRestart {

    /** How long after the configured time a restart may still happen. */
    public static final Duration WINDOW = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(NightlyRestart.class);

    private final LocalTime at;
    private final Clock wall;
    private final LongSupplier nanos;
    private final long startNanos;
    private final BooleanSupplier idle;
    private final Runnable restart;
    private boolean done;

    /**
     * @param at      the quiet hour, local time of {@code wall}
     * @param wall    the wall clock (the hour is a wall-clock matter)
     * @param nanos   monotonic nanoseconds, for the process's age
     * @param idle    true when nobody is being served and no technician is at the screen
     * @param restart ends the kiosk (the launcher's normal end, exit code 0)
     */
    public NightlyRestart(LocalTime at, Clock wall, LongSupplier nanos, BooleanSupplier idle, Runnable restart) {
        this.at = at;
        this.wall = wall;
        this.nanos = nanos;
        this.startNanos = nanos.getAsLong();
        this.idle = idle;
        this.restart = restart;
    }

    /** Restarts now if due; returns whether it did. */
    public boolean tick() {
        if (done) {
            return false;
        }
        Duration age = Duration.ofNanos(nanos.getAsLong() - startNanos);
        if (age.compareTo(WINDOW) <= 0 || !inWindow(LocalTime.now(wall))) {
            return false;
        }
        if (!idle.getAsBoolean()) {
            LOG.info("nightly restart at {} waits: someone is using the kiosk", at);
            return false;
        }
        LOG.info("nightly restart at {} (running for {} h)", at, age.toHours());
        done = true;
        restart.run();
        return true;
    }

    private boolean inWindow(LocalTime now) {
        LocalTime end = at.plus(WINDOW);
        return end.isAfter(at) ? !now.isBefore(at) && now.isBefore(end)
                : !now.isBefore(at) || now.isBefore(end); // a window across midnight
    }
}
