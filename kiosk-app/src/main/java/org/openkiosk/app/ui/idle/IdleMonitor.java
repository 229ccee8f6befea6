package org.openkiosk.app.ui.idle;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The idle timer's arithmetic, free of any UI: after {@code timeout} without activity the citizen is warned;
 * after a further {@code warning} the session expires. Time comes from an injected monotonic {@link ElapsedTime}
 * so tests move it instead of sleeping, and wall-clock steps do not count. While the kiosk itself is busy for
 * the citizen (printing, verifying, looking up) idle time does not run, up to {@link #MAX_WORK_HOLD}.
 */
public final class IdleMonitor {

    /** The shortest warning allowed: a citizen must have time to notice and touch (brief: at least 20 s). */
    public static final Duration MIN_WARNING = Duration.ofSeconds(20);
    /**
     * The longest that work in progress holds the timer: longer than any job's own timeout (a certificate job
     * waits up to 120 s), so only a hung job reaches it, and then the kiosk still resets for the next citizen.
     */
    public static final Duration MAX_WORK_HOLD = Duration.ofMinutes(5);

    public enum Phase { ACTIVE, WARNING, EXPIRED }

    private final ElapsedTime time;
    private final long timeoutNanos;
    private final long warningNanos;
    private final Duration timeout;
    private final Duration warning;
    private long lastActivity;
    private long busySince;
    private boolean busy;

    /** On a clock that tests move by hand; see {@link ElapsedTime#of(Clock)}. */
    public IdleMonitor(Clock clock, Duration timeout, Duration warning) {
        this(ElapsedTime.of(Objects.requireNonNull(clock, "clock")), timeout, warning);
    }

    public IdleMonitor(ElapsedTime time, Duration timeout, Duration warning) {
        this.time = Objects.requireNonNull(time, "time");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.warning = warning.compareTo(MIN_WARNING) < 0 ? MIN_WARNING : warning;
        this.timeoutNanos = this.timeout.toNanos();
        this.warningNanos = this.warning.toNanos();
        this.lastActivity = time.nanos();
    }

    /** A touch, key or scan: the citizen is there. */
    public void activity() {
        lastActivity = time.nanos();
    }

    /**
     * Whether the kiosk is working for the citizen right now. While it is, idle time does not run (the citizen
     * is waiting for the kiosk, not gone); when the work ends the timer starts again from then.
     */
    public void workInProgress(boolean working) {
        long now = time.nanos();
        if (working) {
            if (!busy) {
                busy = true;
                busySince = now;
            }
            if (now - busySince < MAX_WORK_HOLD.toNanos()) {
                lastActivity = now;
            }
        } else if (busy) {
            busy = false;
            lastActivity = now; // the citizen was waiting for the kiosk: the timer starts when the work ends
        }
    }

    public Phase phase() {
        long idle = time.nanos() - lastActivity;
        if (idle < timeoutNanos) {
            return Phase.ACTIVE;
        }
        return idle < timeoutNanos + warningNanos ? Phase.WARNING : Phase.EXPIRED;
    }

    /** Whole seconds left before expiry, rounded up (what the countdown shows). */
    public long secondsLeft() {
        long left = lastActivity + timeoutNanos + warningNanos - time.nanos();
        if (left <= 0) {
            return 0;
        }
        return (left + 999_999_999L) / 1_000_000_000L;
    }

    public Duration warning() {
        return warning;
    }

    public Duration timeout() {
        return timeout;
    }
}
