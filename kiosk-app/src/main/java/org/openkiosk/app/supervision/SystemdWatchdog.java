package org.openkiosk.app.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code WATCHDOG=1} at each tick only while every {@link LivenessProbe} is answered in time. A stuck
 * JavaFX thread or device loop therefore stops the pings, and systemd restarts the hung kiosk after
 * {@code WatchdogSec}; a process that merely has a live timer thread cannot fool it. Ticks come from
 * {@link #start} (half the watchdog timeout, as sd_watchdog_enabled(3) advises) or from a test.
 */
public final class SystemdWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdWatchdog.class);

    private final ServiceManager manager;
    private final List<LivenessProbe> probes;
    private ScheduledExecutorService timer;
    private String stuck; // the last reported reason, null while healthy
    private String stuckNames; // which probes: a new STATUS only when this changes, not as the seconds grow

    public SystemdWatchdog(ServiceManager manager, List<LivenessProbe> probes) {
        this.manager = manager;
        this.probes = List.copyOf(probes);
    }

    /** One round: check every probe, ping when none is stuck. Returns whether it pinged. */
    public synchronized boolean tick() {
        StringBuilder reasons = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (LivenessProbe probe : probes) {
            Optional<Duration> silent = probe.check();
            if (silent.isPresent()) {
                if (reasons.length() > 0) {
                    reasons.append("; ");
                }
                names.append(probe.name()).append('|');
                reasons.append(probe.name()).append(" has not answered for ").append(silent.get().toSeconds()).append(" s");
            }
        }
        if (reasons.length() == 0) {
            if (stuck != null) {
                LOG.warn("responsive again after: {}", stuck);
                manager.status("serving again; was stuck: " + stuck);
                stuck = null;
                stuckNames = null;
            }
            manager.watchdogPing();
            return true;
        }
        String reason = reasons.toString();
        if (!names.toString().equals(stuckNames)) {
            LOG.error("stuck, no more watchdog pings (systemd will restart the kiosk): {}", reason);
            manager.status("stuck: " + reason);
            stuckNames = names.toString();
        }
        stuck = reason;
        return false;
    }

    /** Ticks every {@code interval} on a daemon thread until {@link #close}. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(this::tickQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("watchdog tick failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
