package org.openkiosk.app.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether a technician has taken the kiosk out of service, why and when. While out, the screen shows the
 * out-of-service screen with code {@value #CODE}. Thread-safe; listeners are called on the caller's thread.
 */
public final class ServiceState {

    public static final String CODE = "E-MAINT";

    /** Out of service by a technician. */
    public record OutOfService(String reason, Instant since) {}

    private final Clock clock;
    private final List<Consumer<Optional<OutOfService>>> listeners = new CopyOnWriteArrayList<>();
    private volatile OutOfService outOfService;

    public ServiceState(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void takeOutOfService(String reason) {
        String why = reason == null || reason.isBlank() ? "maintenance" : reason.strip();
        outOfService = new OutOfService(why, clock.instant());
        notifyListeners();
    }

    public void backInService() {
        outOfService = null;
        notifyListeners();
    }

    public Optional<OutOfService> outOfService() {
        return Optional.ofNullable(outOfService);
    }

    public boolean inService() {
        return outOfService == null;
    }

    public void addListener(Consumer<Optional<OutOfService>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Optional<OutOfService>> listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        Optional<OutOfService> now = outOfService();
        listeners.forEach(l -> l.accept(now));
    }
}
