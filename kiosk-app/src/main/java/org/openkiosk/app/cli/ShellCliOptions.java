package org.openkiosk.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code run} and {@code demo}. */
public final class ShellCliOptions {

    @Option(names = "--windowed", description = "A normal 1920×1080 window instead of the locked-down fullscreen "
            + "kiosk (development; closing the window ends the program).")
    boolean windowed;

    @Option(names = "--headless", description = "The whole kiosk without a display: JavaFX on Monocle's headless "
            + "platform (1920×1080, software rendering), with the same devices, store, fleet link and watchdog. For "
            + "fleet simulations, soak tests and CI. SIGTERM or Ctrl-C stops it cleanly (exit 0).")
    boolean headless;

    @Option(names = "--check", description = "Only run the start-up check (configuration, store, required "
            + "devices opened and closed again), print every problem and exit (0 = ready, 2 = not). Opens no window.")
    boolean check;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Write the first frame to FILE (PNG) and exit. Use with --windowed, e.g. under xvfb-run.")
    Path screenshot;

    @Option(names = "--language", paramLabel = "zh|en",
            description = "Start in this language instead of the configured one.")
    String language;

    @Option(names = "--elder", description = "Start in elder mode (large type, high contrast).")
    boolean elder;

    @Option(names = "--retry-seconds", paramLabel = "N", defaultValue = "30",
            description = "How often the out-of-service screen retries the start-up check (default: ${DEFAULT-VALUE}).")
    int retrySeconds;

    @Option(names = "--nightly-restart", paramLabel = "HH:MM",
            description = "End the kiosk once a night at this local time, when nobody is using it (within the "
                    + "following hour), so that systemd starts it fresh. The installed unit passes it; without a "
                    + "supervisor that restarts the kiosk, leave it out.")
    String nightlyRestart;

    @Option(names = "--benchmark-first-frame", hidden = true,
            description = "Print a nanoTime marker at the first frame and exit (start-up benchmark).")
    boolean benchmarkFirstFrame;
}
