package org.openkiosk.app.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.ui.KioskShell;
import org.openkiosk.app.ui.KioskStage;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.theme.KioskFonts;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A kiosk shell on its own stage under headless Monocle, with a hand-moved clock, for UI tests. Close it
 * after each test (it hides the stage, stops timers and the background workers).
 */
public final class FxShell implements AutoCloseable {

    public final MutableClock clock = MutableClock.shanghai();
    public final BackgroundWork work = new BackgroundWork();
    public final FxRobot robot = new FxRobot();
    public KioskShell shell;
    public Stage stage;
    public org.openkiosk.app.runtime.KioskRuntime runtime;

    private FxShell() {
    }

    public static void toolkit() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
        KioskFonts.load();
    }

    /** A shell in service with {@code config}. */
    public static FxShell ready(KioskConfig config, ShellOptions options) {
        FxShell s = empty(options);
        s.fx(() -> s.shell.showReady(config));
        return s;
    }

    /** A shell in service with {@code config} and the runtime {@code runtime} makes from the shell's clock. */
    public static FxShell ready(KioskConfig config, ShellOptions options,
                                java.util.function.Function<java.time.Clock, org.openkiosk.app.runtime.KioskRuntime> runtime) {
        FxShell s = empty(options);
        s.runtime = runtime.apply(s.clock);
        s.fx(() -> {
            s.shell.showReady(config, s.runtime);
        });
        return s;
    }

    /** A shell with nothing shown yet; the test decides (e.g. out of service). */
    public static FxShell empty(ShellOptions options) {
        toolkit();
        FxShell s = new FxShell();
        s.fx(() -> {
            s.shell = new KioskShell(options, s.clock, s.work, KioskStage.WINDOWED_WIDTH, KioskStage.WINDOWED_HEIGHT);
            s.stage = new Stage();
            s.stage.setScene(s.shell.scene());
            s.stage.show();
        });
        return s;
    }

    public UiContext ctx() {
        return shell.context().orElseThrow();
    }

    public <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    public void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    public <T> T fx(Callable<T> c) {
        try {
            T result = WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX action failed", e);
        }
    }

    public void onFx(Consumer<FxShell> action) {
        fx(() -> action.accept(this));
    }

    @Override
    public void close() {
        fx(() -> {
            shell.stop();
            stage.hide();
        });
        work.close();
        if (runtime != null) {
            runtime.close();
        }
    }
}
