package org.openkiosk.app.ui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.openkiosk.app.ui.theme.KioskFonts;

/**
 * Starts the JavaFX toolkit and loads the bundled fonts on another thread, once per process. It has no logger of its
 * own and initialises no class that has one, so that {@code Main} can call it before anything sets up Logback: the
 * toolkit's start then overlaps with Logback's bootstrap, picocli and the configuration (ADR 0128, 0179). Whatever
 * logs, logs on the started thread.
 */
public final class ToolkitStart {

    private static CompletableFuture<Void> toolkit;

    private ToolkitStart() {}

    /** Starts it unless it was started already; returns at once. */
    public static synchronized CompletableFuture<Void> start() {
        if (toolkit == null) {
            toolkit = CompletableFuture.runAsync(ToolkitStart::startToolkit);
        }
        return toolkit;
    }

    private static void startToolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // a test or an earlier shell in this JVM started it: fine
        }
        Platform.setImplicitExit(false);
        KioskFonts.load(); // off the JavaFX thread, before the stage shows
    }
}
