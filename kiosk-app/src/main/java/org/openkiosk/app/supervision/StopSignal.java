package org.openkiosk.app.supervision;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (systemd's stop, {@code kill}) and SIGINT (Ctrl-C) end the kiosk the way closing it does: the shell
 * stops, the runtime closes (the fleet link says goodbye and disconnects, so no Last Will), and the program
 * exits 0. Without this the JVM would exit at once with 143 and close nothing. A second signal ends the process
 * at once, for a shutdown that hangs. Process-wide, installed once by {@code run} and {@code demo} (ADR 0102).
 */
public final class StopSignal {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);
    private static final List<Runnable> listeners = new ArrayList<>();
    private static boolean installed;
    private static String received;

    private StopSignal() {}

    /** Takes over SIGTERM and SIGINT from the JVM's default (exit without clean-up). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> received("SIG" + signal.getName(), 128 + signal.getNumber()));
            } catch (IllegalArgumentException e) { // e.g. -Xrs, or the signal is reserved on this platform
                log.warn("SIG{} keeps the JVM's default handling: {}", name, e.getMessage());
            }
        }
    }

    /** Runs {@code stop} (on the signal's thread) when a stop signal arrives, or now if one already did. */
    public static void onStop(Runnable stop) {
        boolean already;
        synchronized (StopSignal.class) {
            already = received != null;
            if (!already) {
                listeners.add(stop);
            }
        }
        if (already) {
            stop.run();
        }
    }

    /** The signal that asked the kiosk to stop, if one did. */
    public static synchronized java.util.Optional<String> received() {
        return java.util.Optional.ofNullable(received);
    }

    private static void received(String name, int exitAtOnce) {
        List<Runnable> stops;
        synchronized (StopSignal.class) {
            if (received != null) {
                log.warn("{} again while stopping: ending at once", name);
                Runtime.getRuntime().halt(exitAtOnce);
            }
            received = name;
            stops = List.copyOf(listeners);
            listeners.clear();
        }
        log.info("{} received: stopping the kiosk", name);
        stops.forEach(Runnable::run);
    }
}
