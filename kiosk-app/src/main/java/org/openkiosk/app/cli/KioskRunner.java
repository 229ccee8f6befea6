package org.openkiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.openkiosk.app.maintenance.versions.ConfigVersions;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.logging.StartupTimeline;
import org.openkiosk.app.supervision.StopSignal;
import org.openkiosk.app.ui.KioskLauncher;
import org.openkiosk.app.ui.ToolkitStart;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.supervision.StartAttempts;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code run} and {@code demo} share: check the configuration before any window, then either report
 * (with {@code --check} or without a display) or start the shell, out of service if need be; with
 * {@code --headless} on Monocle's headless platform instead of a display.
 */
final class KioskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(KioskRunner.class);

    private KioskRunner() {}

    static int run(Path configDir, Path dataDir, boolean demo, ShellCliOptions cli, PrintWriter out,
                   PrintWriter err) {
        StartupTimeline.mark("command line parsed");
        if (cli.retrySeconds < 1) {
            err.println("kiosk: --retry-seconds must be at least 1");
            return ExitCodes.BAD_CONFIGURATION;
        }
        java.time.LocalTime nightlyRestart;
        try {
            nightlyRestart = cli.nightlyRestart == null ? null : java.time.LocalTime.parse(cli.nightlyRestart);
        } catch (java.time.format.DateTimeParseException e) {
            err.println("kiosk: --nightly-restart: expected a local time such as 03:30, got " + cli.nightlyRestart);
            return ExitCodes.BAD_CONFIGURATION;
        }
        Language language;
        try { // before the configuration, so a typo in the option is reported as such
            language = cli.language == null ? null : Language.ofCode(cli.language);
        } catch (IllegalArgumentException e) {
            err.println("kiosk: --language: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        if (cli.headless) { // before anything asks for a display or starts the toolkit
            if (cli.windowed || cli.check) {
                err.println("kiosk: --headless opens no window: leave out " + (cli.windowed ? "--windowed" : "--headless")
                        + (cli.check ? " (--check opens none either)" : ""));
                return ExitCodes.BAD_CONFIGURATION;
            }
            java.util.Optional<String> unavailable = HeadlessDisplay.select();
            if (unavailable.isPresent()) {
                err.println("kiosk: " + unavailable.get());
                return ExitCodes.OUT_OF_SERVICE;
            }
        }
        if (!cli.check && Displays.available()) {
            StopSignal.install(); // only where the shell will run; SIGTERM during the start-up still ends it cleanly
            // unless Main did already: overlaps with the configuration and logging below; KioskLauncher.launch waits
            ToolkitStart.start();
        }
        if (!cli.check) {
            try {
                KioskLogging.init(dataDir);
            } catch (IOException | IllegalStateException e) {
                // the kiosk can still serve; the technician sees this on the console and in `kiosk doctor`
                err.println("kiosk: logging to " + dataDir + " failed, logging to the console only: " + e.getMessage());
            }
            StartupTimeline.mark("logging set up");
            if (cli.headless) {
                LOG.info("kiosk {} running {}", demo ? "demo" : "run", HeadlessDisplay.describe());
                out.println("kiosk: " + HeadlessDisplay.describe());
                out.flush();
            }
        }
        // a kiosk that keeps dying at start stays on a diagnostic screen instead of trying again (ADR 0122)
        boolean startsTheShell = !cli.check && Displays.available() && cli.screenshot == null && !cli.benchmarkFirstFrame;
        StartAttempts attempts = startsTheShell ? new StartAttempts(dataDir, Clock.systemUTC(),
                StartAttempts.DEFAULT_WINDOW, StartAttempts.DEFAULT_MAX_FAILED) : null;
        StartupResult crashLoop = attempts == null ? null : CrashLoop.check(attempts, dataDir, err);
        // the runtime (devices, store, services) is built here on the main thread, or after the first frame on a
        // worker thread; never on the JavaFX thread
        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(configDir, dataDir, demo,
                Clock.systemDefaultZone())) {
            // in a crash loop nothing is opened: the store or a device may be what kills the kiosk. A shell that starts
            // for good shows the attract screen from the configuration first and opens the store and devices after
            // that frame (ADR 0128); --check and --screenshot need the whole answer before anything is shown
            boolean opensAfterFirstFrame = crashLoop == null && !cli.check && cli.screenshot == null
                    && Displays.available();
            StartupResult first = crashLoop != null ? crashLoop
                    : opensAfterFirstFrame ? check.configuration() : check.check();
            boolean deferred = opensAfterFirstFrame && first instanceof StartupResult.Ready;
            StartupTimeline.mark(deferred ? "configuration loaded" : "start-up check done");
            StartupCheck retry = crashLoop != null ? CrashLoop.retryWhenQuiet(attempts, crashLoop, check) : check;
            if (attempts != null) {
                CrashLoop.clearWhenStillRunning(attempts);
            }
            if (cli.check) {
                return report(configDir, first, out, err);
            }
            if (first instanceof StartupResult.OutOfService oos
                    && oos.problems().stream().anyMatch(p -> p.code().equals(StartupChecks.STORE_KEY))) {
                // the credential is only loaded when the service starts: waiting on the screen cannot fix it
                return report(configDir, first, out, err);
            }
            if (!Displays.available()) {
                if (first instanceof StartupResult.OutOfService) {
                    report(configDir, first, out, err);
                    return ExitCodes.BAD_CONFIGURATION;
                }
                err.println("kiosk: no display (DISPLAY is not set). On a machine without a screen: "
                        + "xvfb-run -a ./kiosk " + (demo ? "demo" : "run") + " --windowed");
                return ExitCodes.OUT_OF_SERVICE;
            }
            // a newly applied configuration (ADR 0126): serving confirms it; failing ends the process, so that the
            // unit's start-up guard puts the previous version back
            java.util.function.Predicate<StartupResult> endsTheKiosk = result -> {
                if (attempts != null && crashLoop == null
                        && endsForRollback(dataDir, !(result instanceof StartupResult.OutOfService), err)) {
                    report(configDir, result, out, err);
                    err.println("kiosk: the newly applied configuration does not start the kiosk; ending so that the "
                            + "previous one is put back at the next start (kiosk config guard-start)");
                    return true;
                }
                if (result instanceof StartupResult.OutOfService) {
                    report(configDir, result, out, err);
                    err.println("kiosk: starting out of service; retrying every " + cli.retrySeconds + " s");
                }
                err.flush();
                return false;
            };
            if (!deferred && endsTheKiosk.test(first)) {
                return ExitCodes.FAILURE;
            }
            ShellOptions options = new ShellOptions(cli.windowed || cli.screenshot != null, demo, language,
                    cli.elder ? Boolean.TRUE : null, Duration.ofSeconds(cli.retrySeconds))
                    .withDirectories(configDir, dataDir);
            if (cli.headless && demo) { // nobody can touch a headless demo: scripts steer its simulators instead
                new HeadlessDemoInput(check::runtime, err).startReading(System.in);
                out.println("kiosk: " + HeadlessDemoInput.HELP + " (one per line on standard input)");
            }
            out.flush();
            return KioskLauncher.launch(new KioskLauncher.Request(options, first, retry, cli.screenshot,
                    cli.benchmarkFirstFrame, cli.benchmarkFirstFrame,
                    deferred ? new KioskLauncher.Opening(check, endsTheKiosk) : null), System.out, nightlyRestart);
        }
    }

    private static boolean endsForRollback(Path dataDir, boolean serving, PrintWriter err) {
        try {
            return ConfigVersions.endsForRollback(dataDir, serving);
        } catch (IOException e) {
            err.println("kiosk: cannot settle the newly applied configuration: " + e.getMessage());
            return false;
        }
    }

    /** Prints the outcome of a check; 0 when ready, 2 when not. */
    private static int report(Path configDir, StartupResult result, PrintWriter out, PrintWriter err) {
        if (result instanceof StartupResult.OutOfService oos) {
            err.println("kiosk: cannot serve with the configuration in " + configDir + ":");
            for (StartupProblem p : oos.problems()) {
                err.println("  " + p.code() + "  " + p.detail());
            }
            err.flush();
            return ExitCodes.BAD_CONFIGURATION;
        }
        out.println("kiosk: configuration in " + configDir + " is fine; store and required devices ready");
        out.flush();
        return ExitCodes.OK;
    }

    /** Whether JavaFX can open a window here. */
    static final class Displays {
        private Displays() {}

        static boolean available() {
            if ("monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
                return true;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (!os.contains("linux") && !os.contains("bsd")) {
                return true; // Windows and macOS sessions always have one
            }
            return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
