package org.openkiosk.app.ui.idle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The idle timer's arithmetic, free of any UI: after {@code timeout} without activity the citizen is warned;
 * after a further {@code warning} the session expires. Time comes from an injected {@link Clock} so tests
 * move it instead of sleeping.
 */
public final class IdleMonitor {

    /** The shortest warning allowed: a citizen must have time to notice and touch (brief: at least 20 s). */
    public static final Duration MIN_WARNING = Duration.ofSeconds(20);

    public enum Phase { ACTIVE, WARNING, EXPIRED }

    private final Clock clock;
    private final Duration timeout;
    private final Duration warning;
    private Instant lastActivity;

    public IdleMonitor(Clock clock, Duration timeout, Duration warning) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.warning = warning.compareTo(MIN_WARNING) < 0 ? MIN_WARNING : warning;
        this.lastActivity = clock.instant();
    }

    /** A touch, key or scan: the citizen is there. */
    public void activity() {
        lastActivity = clock.instant();
    }

    public Phase phase() {
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(timeout) < 0) {
            return Phase.ACTIVE;
        }
        return idle.compareTo(timeout.plus(warning)) < 0 ? Phase.WARNING : Phase.EXPIRED;
    }

    /** Whole seconds left before expiry, rounded up (what the countdown shows). */
    public long secondsLeft() {
        Duration left = Duration.between(clock.instant(), lastActivity.plus(timeout).plus(warning));
        if (left.isNegative()) {
            return 0;
        }
        long seconds = left.getSeconds();
        return left.getNano() > 0 ? seconds + 1 : seconds;
    }

    public Duration warning() {
        return warning;
    }

    public Duration timeout() {
        return timeout;
    }
}
