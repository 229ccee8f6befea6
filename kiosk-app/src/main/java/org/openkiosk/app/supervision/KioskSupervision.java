package org.openkiosk.app.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The running kiosk under systemd: READY once the first screen is on the display, then watchdog pings that stop
 * when the JavaFX thread or the device loop is stuck (ADR 0120). Does nothing when not started by systemd.
 */
public final class KioskSupervision implements AutoCloseable {

    private final ServiceManager manager;
    private final LongSupplier nanoClock;
    private SystemdWatchdog watchdog;

    public KioskSupervision(ServiceManager manager, LongSupplier nanoClock) {
        this.manager = manager;
        this.nanoClock = nanoClock;
    }

    public static KioskSupervision fromEnvironment() {
        return new KioskSupervision(ServiceManager.fromEnvironment(), System::nanoTime);
    }

    public ServiceManager manager() {
        return manager;
    }

    /**
     * The first screen is shown: tells systemd the kiosk is up and starts the watchdog (when systemd runs one).
     *
     * @param status     the status line ("serving", or "out of service: E-CONFIG")
     * @param fxThread   posts to the JavaFX thread ({@code Platform::runLater})
     * @param deviceLoop the current runtime's device loop, empty while there is none
     */
    public synchronized void started(String status, Executor fxThread, Supplier<Optional<Executor>> deviceLoop) {
        manager.ready(status);
        Optional<Duration> timeout = manager.watchdogTimeout();
        if (timeout.isEmpty() || watchdog != null) {
            return;
        }
        watchdog = watchdog(timeout.get(), fxThread, deviceLoop);
        watchdog.start(timeout.get().dividedBy(2));
    }

    /**
     * The watchdog for a timeout: a thread counts as stuck when it has not answered within one whole timeout, so
     * a hung kiosk is restarted within about two and a half timeouts and a slow device pass is not mistaken for one.
     */
    public SystemdWatchdog watchdog(Duration timeout, Executor fxThread, Supplier<Optional<Executor>> deviceLoop) {
        return new SystemdWatchdog(manager, List.of(
                new LivenessProbe("the JavaFX thread", () -> Optional.of(fxThread), timeout, nanoClock),
                new LivenessProbe("the device loop", deviceLoop, timeout, nanoClock)));
    }

    public void status(String status) {
        manager.status(status);
    }

    /** The kiosk is ending: no more pings, systemd is told it is stopping on purpose. */
    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.close();
            watchdog = null;
        }
        manager.stopping("stopping");
    }
}
