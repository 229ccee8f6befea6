package org.openkiosk.app.supervision;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kiosk tells its service manager (systemd's {@code sd_notify} protocol): ready, a status line, watchdog
 * pings, stopping. Without {@code NOTIFY_SOCKET} (started by hand, by the launcher in a checkout) every call does
 * nothing. A failed send is logged, never thrown: supervision must not take the kiosk down.
 */
public final class ServiceManager {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceManager.class);

    private final NotifySocket socket;
    private final Duration watchdogTimeout;
    private volatile boolean warned;

    private ServiceManager(NotifySocket socket, Duration watchdogTimeout) {
        this.socket = socket;
        this.watchdogTimeout = watchdogTimeout;
    }

    /** From the process environment. */
    public static ServiceManager fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * {@code NOTIFY_SOCKET} gives the socket; {@code WATCHDOG_USEC} the watchdog timeout, which applies to this
     * process only when {@code WATCHDOG_PID} is absent or names it (systemd's rule, so a child never pings).
     */
    public static ServiceManager fromEnvironment(Map<String, String> env, long pid) {
        String address = env.get("NOTIFY_SOCKET");
        NotifySocket socket = null;
        if (address != null && !address.isBlank()) {
            try {
                socket = new NotifySocket(address);
            } catch (IllegalArgumentException e) {
                LOG.warn("not notifying the service manager: {}", e.getMessage());
            }
        }
        Duration watchdog = null;
        String usec = env.get("WATCHDOG_USEC");
        String watchdogPid = env.get("WATCHDOG_PID");
        boolean forUs = watchdogPid == null || watchdogPid.isBlank() || watchdogPid.trim().equals(Long.toString(pid));
        if (socket != null && usec != null && forUs) {
            try {
                long micros = Long.parseLong(usec.trim());
                if (micros > 0) {
                    watchdog = Duration.ofNanos(micros * 1000);
                }
            } catch (NumberFormatException e) {
                LOG.warn("WATCHDOG_USEC is not a number: {}", usec);
            }
        }
        return new ServiceManager(socket, watchdog);
    }

    /** A manager that is never told anything (tests, commands other than run/demo). */
    public static ServiceManager none() {
        return new ServiceManager(null, null);
    }

    public boolean notifying() {
        return socket != null;
    }

    /** The watchdog timeout systemd enforces ({@code WatchdogSec=}), when it enforces one on this process. */
    public Optional<Duration> watchdogTimeout() {
        return Optional.ofNullable(watchdogTimeout);
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    public void watchdogPing() {
        send("WATCHDOG=1");
    }

    public void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    private void send(String message) {
        if (socket == null) {
            return;
        }
        try {
            socket.send(message);
            warned = false;
        } catch (IOException e) {
            if (!warned) { // once per outage, not at every ping
                LOG.warn("could not notify the service manager: {}", e.getMessage());
                warned = true;
            }
        }
    }

    private static String oneLine(String status) {
        return status.replace('\n', ' ');
    }
}
