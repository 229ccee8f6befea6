package org.openkiosk.app.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * A clock that only moves forward at the rate of {@link System#nanoTime}: it starts at the wall-clock time and then
 * ignores every later change of the wall clock (NTP corrections, a technician setting the date, a dead RTC
 * battery fixed at boot). For measuring durations such as idle timeouts, never for showing the time.
 */
public final class MonotonicClock extends Clock {

    private final Instant origin;
    private final long originNanos;
    private final LongSupplier nanos;
    private final ZoneId zone;

    public MonotonicClock(Instant origin, LongSupplier nanos, ZoneId zone) {
        this.origin = origin;
        this.nanos = nanos;
        this.originNanos = nanos.getAsLong();
        this.zone = zone;
    }

    /** Starting now, in the system's zone. */
    public static MonotonicClock system() {
        return new MonotonicClock(Instant.now(), System::nanoTime, ZoneId.systemDefault());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MonotonicClock(instant(), nanos, other);
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos.getAsLong() - originNanos);
    }
}
