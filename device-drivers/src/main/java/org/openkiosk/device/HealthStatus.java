package org.openkiosk.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's health at one moment: the state, a technician-readable text naming the cause, and what to do.
 */
public record HealthStatus(Health health, String text, RecommendedAction action, Instant at) {

    public HealthStatus {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    public static HealthStatus online(String text) {
        return new HealthStatus(Health.ONLINE, text, RecommendedAction.NONE, Instant.now());
    }

    public static HealthStatus offline(String text, RecommendedAction action) {
        return new HealthStatus(Health.OFFLINE, text, action, Instant.now());
    }

    public static HealthStatus error(String text, RecommendedAction action) {
        return new HealthStatus(Health.ERROR, text, action, Instant.now());
    }

    public static HealthStatus busy(String text) {
        return new HealthStatus(Health.BUSY, text, RecommendedAction.NONE, Instant.now());
    }

    public boolean isUsable() {
        return health == Health.ONLINE || health == Health.BUSY;
    }
}
