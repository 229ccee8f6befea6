package org.openkiosk.app.service.identity;

import java.time.Duration;

/** Too many typed numbers or slip codes led nowhere at this kiosk; the citizen waits or places the ID card. */
public class AttemptsLimitedException extends RuntimeException {

    private final AttemptLimiter.Kind kind;
    private final Duration retryAfter;

    public AttemptsLimitedException(AttemptLimiter.Kind kind, Duration retryAfter) {
        super("too many " + kind + " misses at this kiosk; blocked for " + retryAfter.toSeconds() + " s");
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public AttemptLimiter.Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
