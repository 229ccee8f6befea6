package org.openkiosk.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.openkiosk.app.logging.StartupTimeline;
import org.openkiosk.app.supervision.KioskSupervision;
import org.openkiosk.app.supervision.StopSignal;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupResult;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JavaFX from the command line (no {@code Application} subclass, so the configuration is handed over
 * as plain arguments), shows the shell and waits until it ends. Returns the program's exit code.
 */
public final class KioskLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(KioskLauncher.class);

    /** Printed to stdout at the first frame when asked; the start-up benchmark reads it. */
    public static final String FIRST_FRAME_MARKER = "KIOSK_FIRST_FRAME_NANOS=";
    /**
     * Printed to stdout, when asked, at the first frame of the screen that follows the opened runtime (attract in
     * service, or out of service): from then on the kiosk serves (ADR 0128).
     */
    public static final String SERVING_MARKER = "KIOSK_SERVING_NANOS=";

    /** Exit codes (same values as {@code org.openkiosk.app.cli.ExitCodes}; the UI does not depend on the CLI). */
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int OUT_OF_SERVICE = 3;

    /**
     * @param options        shell options
     * @param initial        the first start-up check's result (done by the caller, before any window)
     * @param retry          the check the out-of-service screen repeats
     * @param screenshot     if set, write the scene to this PNG after the first frame and end
     * @param exitAfterFirstFrame end right after the first frame (the benchmark)
     * @param printFirstFrame print {@link #FIRST_FRAME_MARKER} with {@link System#nanoTime()} at the first frame
     *                        (and {@link #SERVING_MARKER} once serving)
     * @param opening        null: {@code initial} is the whole start-up check. Else {@code initial} is
     *                       {@code Ready(config)} without a runtime: the shell shows the attract screen disabled
     *                       ({@link KioskShell#showStarting}) and opens the runtime after the first frame (ADR 0128)
     */
    public record Request(ShellOptions options, StartupResult initial, StartupCheck retry, Path screenshot,
                          boolean exitAfterFirstFrame, boolean printFirstFrame, Opening opening) {

        public Request(ShellOptions options, StartupResult initial, StartupCheck retry, Path screenshot,
                       boolean exitAfterFirstFrame, boolean printFirstFrame) {
            this(options, initial, retry, screenshot, exitAfterFirstFrame, printFirstFrame, null);
        }
    }

    /**
     * Opening the runtime after the first frame (ADR 0128).
     *
     * @param check        the full start-up check (configuration, store, devices); blocks, run off the JavaFX thread
     * @param endsTheKiosk told the check's result (on the same worker thread, may do file I/O): true to end
     *                     the process with {@link #FAILURE} instead of showing it (a newly applied configuration that
     *                     does not serve is rolled back at the next start, ADR 0126)
     */
    public record Opening(StartupCheck check, java.util.function.Predicate<StartupResult> endsTheKiosk) {
    }

    private KioskLauncher() {}

    public static int launch(Request request, PrintStream out) {
        return launch(request, out, null);
    }

    /**
     * @param nightlyRestart end normally (for systemd to restart) once a night at this local time when idle;
     *                       null: never
     */
    public static int launch(Request request, PrintStream out, java.time.LocalTime nightlyRestart) {
        try {
            ToolkitStart.start().join();
            StartupTimeline.mark("JavaFX toolkit and fonts ready");
            LOG.debug("fonts loaded: {}", org.openkiosk.app.ui.theme.KioskFonts.faces()); // logging is set up by now
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            out.println("kiosk: cannot open the display: " + cause.getMessage());
            LOG.error("JavaFX could not start", cause);
            return OUT_OF_SERVICE;
        }

        KioskSupervision supervision = KioskSupervision.fromEnvironment();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(OK);
        BackgroundWork work = new BackgroundWork();
        KioskShell[] shellRef = new KioskShell[1];
        org.openkiosk.app.voice.SpeechEngine speech = org.openkiosk.app.voice.SpeechEngines.forThisMachine();
        java.util.concurrent.ScheduledExecutorService[] nightly = new java.util.concurrent.ScheduledExecutorService[1];
        StopSignal.onStop(ended::countDown); // SIGTERM / Ctrl-C: the same clean end as closing the window, exit 0
        Platform.runLater(() -> {
            try {
                ShellOptions options = request.options();
                KioskShell shell = new KioskShell(options, Clock.systemDefaultZone(),
                        org.openkiosk.app.ui.idle.ElapsedTime.system(), work,
                        KioskStage.WINDOWED_WIDTH, KioskStage.WINDOWED_HEIGHT);
                shellRef[0] = shell;
                shell.setSpeechEngine(speech);
                shell.setStatusListener(supervision::status);
                Stage stage = new Stage();
                Runnable end = () -> {
                    exitCode.compareAndSet(OK, shell.inService() ? OK : OUT_OF_SERVICE);
                    ended.countDown();
                };
                Opening opening = request.opening();
                if (opening != null && request.initial() instanceof StartupResult.Ready ready) {
                    shell.showStarting(ready.config());
                } else if (request.initial() instanceof StartupResult.Ready ready) {
                    shell.showReady(ready.config(), ready.runtime());
                } else if (request.initial() instanceof StartupResult.OutOfService oos) {
                    shell.showOutOfService(oos.problems(), request.retry());
                }
                if (options.windowed()) {
                    KioskStage.windowed(stage, shell.scene(), "OpenKiosk", end);
                } else {
                    boolean touch = shell.context().map(c -> c.config().ui().touchMode()).orElse(true);
                    KioskStage.lockDown(stage, shell.scene(), touch);
                }
                if (nightlyRestart != null && request.screenshot() == null && !request.exitAfterFirstFrame()) {
                    nightly[0] = scheduleNightlyRestart(nightlyRestart, shell, () -> ended.countDown());
                }
                Runnable serving = () -> {
                    // the screen that serves (attract, or out of service with its codes) is on the display: only
                    // now READY=1 to systemd (ADR 0120, 0128)
                    StartupTimeline.mark("serving screen drawn: " + shell.statusLine());
                    supervision.started(shell.statusLine(), Platform::runLater, shell::deviceLoop);
                    LOG.info("first screen shown: {}", shell.statusLine());
                    out.println("kiosk: first screen shown: " + shell.statusLine());
                    out.flush();
                    afterFirstFrame(request, shell.scene(), work, exitCode, ended, out);
                };
                if (shell.starting()) {
                    onFirstFrame(shell.scene(), () -> {
                        if (request.printFirstFrame()) {
                            out.println(FIRST_FRAME_MARKER + System.nanoTime());
                            out.flush();
                        }
                        StartupTimeline.mark("attract screen drawn (disabled)");
                        LOG.info("attract screen shown; opening the store and devices");
                        open(shell, opening, request.retry(), work, exitCode, ended, serving);
                    });
                } else {
                    onFirstFrame(shell.scene(), () -> {
                        if (request.printFirstFrame()) {
                            out.println(FIRST_FRAME_MARKER + System.nanoTime());
                            out.flush();
                        }
                        serving.run();
                    });
                }
                stage.show();
            } catch (RuntimeException e) {
                LOG.error("the kiosk shell failed to start", e);
                out.println("kiosk: the shell failed to start: " + e);
                exitCode.set(FAILURE);
                ended.countDown();
            }
        });
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (nightly[0] != null) {
            nightly[0].shutdownNow();
        }
        supervision.close(); // STOPPING=1 before the slow part, so systemd does not count it as a hang
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (shellRef[0] != null) {
                shellRef[0].stop();
            }
            stopped.countDown();
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.close();
        Platform.exit();
        return exitCode.get();
    }

    /** Opens the runtime in the background, then shows what it gives and runs {@code serving} at that frame. */
    private static void open(KioskShell shell, Opening opening, StartupCheck retry, BackgroundWork work,
                             AtomicInteger exitCode, CountDownLatch ended, Runnable serving) {
        record Opened(StartupResult result, boolean ends) {}
        work.run(() -> {
            StartupResult result = opening.check().check();
            StartupTimeline.mark("store and devices opened");
            return new Opened(result, opening.endsTheKiosk().test(result));
        }, opened -> {
            if (opened.ends()) {
                exitCode.set(FAILURE);
                ended.countDown();
                return;
            }
            show(shell, opened.result(), retry);
            onFirstFrame(shell.scene(), serving);
        }, failure -> { // the check turns its own failures into out-of-service results; this is a bug
            LOG.error("opening the kiosk runtime failed", failure);
            show(shell, new StartupResult.OutOfService(java.util.List.of(new org.openkiosk.app.ui.startup.StartupProblem(
                    "E-INTERNAL", "the kiosk could not start: " + failure))), retry);
            onFirstFrame(shell.scene(), serving);
        });
    }

    private static void show(KioskShell shell, StartupResult result, StartupCheck retry) {
        if (result instanceof StartupResult.Ready ready) {
            shell.showReady(ready.config(), ready.runtime());
        } else if (result instanceof StartupResult.OutOfService oos) {
            shell.showOutOfService(oos.problems(), retry);
        }
    }

    /** Checks once a minute, on the JavaFX thread where the shell's state may be read, whether to end for the night. */
    private static java.util.concurrent.ScheduledExecutorService scheduleNightlyRestart(java.time.LocalTime at,
                                                                                       KioskShell shell, Runnable end) {
        org.openkiosk.app.supervision.NightlyRestart restart = new org.openkiosk.app.supervision.NightlyRestart(at,
                Clock.systemDefaultZone(), System::nanoTime, shell::idleForRestart, end);
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightly-restart");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> Platform.runLater(restart::tick), 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        return timer;
    }

    /** Runs {@code action} once, right after the first pulse that laid out the scene. */
    static void onFirstFrame(Scene scene, Runnable action) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    private static void afterFirstFrame(Request request, Scene scene, BackgroundWork work, AtomicInteger exitCode,
                                        CountDownLatch ended, PrintStream out) {
        if (request.printFirstFrame()) {
            out.println(SERVING_MARKER + System.nanoTime());
            out.flush();
        }
        if (request.screenshot() != null) {
            WritableImage image = scene.snapshot(null);
            BufferedImage png = SwingFXUtils.fromFXImage(image, null);
            Path file = request.screenshot();
            work.run(() -> {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                if (!ImageIO.write(png, "png", file.toFile())) {
                    throw new IOException("no PNG writer");
                }
                return file;
            }, f -> {
                out.println("kiosk: screenshot written to " + f);
                ended.countDown();
            }, failure -> {
                out.println("kiosk: could not write the screenshot " + file + ": " + failure.getMessage());
                exitCode.set(FAILURE);
                ended.countDown();
            });
        } else if (request.exitAfterFirstFrame()) {
            ended.countDown();
        }
    }
}
