package org.openkiosk.app.ui.idle;

import java.util.function.BooleanSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.util.Duration;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.nav.ScreenNavigator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the idle timer on the JavaFX thread: every touch, key or scroll counts as activity; each new screen
 * restarts the timer; after the timeout the "still there?" overlay counts down, one touch anywhere dismisses
 * it, and at zero {@code reset} runs (wipe the session, back to the attract screen). No threads: a
 * {@link Timeline} ticks, and the time comes from the {@link IdleMonitor}'s clock.
 */
public final class IdleController {

    private static final Logger LOG = LoggerFactory.getLogger(IdleController.class);

    private final IdleMonitor monitor;
    private final ScreenNavigator navigator;
    private final IdleWarningOverlay overlay;
    private final Runnable reset;
    private final BooleanSupplier working;
    private Runnable onWarning = () -> { };
    private boolean warned;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));

    public IdleController(IdleMonitor monitor, ScreenNavigator navigator, IdleWarningOverlay overlay, Runnable reset) {
        this(monitor, navigator, overlay, reset, () -> false);
    }

    /**
     * @param working whether the kiosk is busy for the citizen (background work running: printing, verifying,
     *                looking up); idle time does not run meanwhile
     */
    public IdleController(IdleMonitor monitor, ScreenNavigator navigator, IdleWarningOverlay overlay, Runnable reset,
                          BooleanSupplier working) {
        this.working = working;
        this.monitor = monitor;
        this.navigator = navigator;
        this.overlay = overlay;
        this.reset = reset;
        ticker.setCycleCount(Animation.INDEFINITE);
        navigator.currentProperty().addListener((obs, old, now) -> {
            monitor.activity();
            overlay.hide();
        });
    }

    /** Listens for activity on the whole scene (filters, so no control can swallow it first). */
    public void install(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onActivity);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, this::onActivity);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onActivity);
        scene.addEventFilter(ScrollEvent.SCROLL_STARTED, this::onActivity);
    }

    public void start() {
        monitor.activity();
        ticker.play();
    }

    public void stop() {
        ticker.stop();
    }

    /** Input that did not come through the scene (e.g. a card placed, a code scanned) also counts. */
    public void activity() {
        monitor.activity();
        overlay.hide();
    }

    /** One step of the timer; public so tests can advance a fake clock and tick without waiting. */
    public void tick() {
        Screen screen = navigator.current();
        if (screen == null || !screen.idleTimed()) {
            monitor.activity();
            overlay.hide();
            return;
        }
        monitor.workInProgress(working.getAsBoolean());
        switch (monitor.phase()) {
            case ACTIVE -> {
                overlay.hide();
                warned = false;
            }
            case WARNING -> {
                overlay.show(monitor.secondsLeft());
                if (!warned) {
                    warned = true;
                    onWarning.run();
                }
            }
            case EXPIRED -> {
                LOG.info("idle reset on screen {}", screen.id());
                overlay.hide();
                reset.run();
                monitor.activity();
            }
        }
    }

    /** Called once each time the "still there?" warning appears (spoken guidance says it). */
    public void onWarning(Runnable action) {
        this.onWarning = action;
    }

    public IdleMonitor monitor() {
        return monitor;
    }

    private void onActivity(Event e) {
        activity();
    }
}
