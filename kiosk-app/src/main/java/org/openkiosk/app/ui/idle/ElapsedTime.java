package org.openkiosk.app.ui.idle;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A monotonic time source for timers, in nanoseconds from an arbitrary origin. The idle timer measures elapsed
 * time with it, so a wall-clock step (NTP correcting a kiosk that was off for a week, a technician setting the
 * date) neither resets a citizen's session early nor keeps it alive for hours.
 */
@FunctionalInterface
public interface ElapsedTime {

    long nanos();

    /** The JVM's monotonic clock ({@link System#nanoTime()}): what a running kiosk uses. */
    static ElapsedTime system() {
        return System::nanoTime;
    }

    /** Elapsed time read from a clock that tests move by hand (a mutable test clock only ever moves forward). */
    static ElapsedTime of(Clock clock) {
        return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
