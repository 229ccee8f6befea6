package org.openkiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.maintenance.LogTail;
import org.openkiosk.app.supervision.StartAttempts;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the start-attempts record into the {@value #CODE} out-of-service screen and its quiet-period retry. */
final class CrashLoop {

    static final String CODE = "E-CRASHLOOP";
    private static final Logger LOG = LoggerFactory.getLogger(CrashLoop.class);

    private CrashLoop() {}

    /** Records this start; the out-of-service result when the kiosk is in a crash loop, else null. */
    static StartupResult check(StartAttempts attempts, Path dataDir, PrintWriter err) {
        try {
            return attempts.recordStart().map(failed -> (StartupResult) new StartupResult.OutOfService(List.of(
                    new StartupProblem(CODE, failed + " starts in the last " + attempts.window().toMinutes()
                            + " min did not stay up; waiting for " + attempts.window().toMinutes()
                            + " quiet minutes (or remove " + attempts.file() + ")" + lastError(dataDir)))))
                    .orElse(null);
        } catch (IOException e) {
            err.println("kiosk: cannot record the start in " + attempts.file() + ": " + e.getMessage());
            return null;
        }
    }

    /** While the loop has not calmed down the screen stays; then the real check runs and may bring the kiosk up. */
    static StartupCheck retryWhenQuiet(StartAttempts attempts, StartupResult crashLoop, StartupCheck check) {
        return () -> {
            try {
                if (!attempts.quietSinceLastStart()) {
                    return crashLoop;
                }
                attempts.clear();
            } catch (IOException e) {
                LOG.warn("start attempts: {}", e.getMessage());
            }
            return check.check();
        };
    }

    /** A kiosk still running after the window did not crash at start: its attempts are forgotten. */
    static void clearWhenStillRunning(StartAttempts attempts) {
        CompletableFuture.runAsync(() -> {
            try {
                attempts.clear();
            } catch (IOException e) {
                LOG.warn("could not clear {}: {}", attempts.file(), e.getMessage());
            }
        }, CompletableFuture.delayedExecutor(attempts.window().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The log's last error line (already masked), as the likely cause for the technician. */
    private static String lastError(Path dataDir) {
        try {
            List<String> tail = LogTail.read(KioskLogging.logDirectory(dataDir).resolve("kiosk.log"), 500);
            for (int i = tail.size() - 1; i >= 0; i--) {
                String line = tail.get(i);
                if (line.contains(" ERROR ")) {
                    return "; last error: " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
                }
            }
        } catch (IOException e) {
            LOG.debug("no log tail: {}", e.getMessage());
        }
        return "";
    }
}
