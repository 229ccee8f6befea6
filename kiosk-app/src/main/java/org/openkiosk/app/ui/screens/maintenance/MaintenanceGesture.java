package org.openkiosk.app.ui.screens.maintenance;

import java.time.Duration;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.openkiosk.app.ui.UiContext;

/**
 * The hidden way into maintenance mode: {@value #TAPS} taps within 3 s on the header's top-left corner
 * ({@value #CORNER} × {@value #CORNER} px), honoured only on the attract screen (or the technician's out-of-service
 * screen) and never while a citizen session is open. Touches arrive as synthesized mouse presses.
 */
public final class MaintenanceGesture {

    public static final int TAPS = 5;
    public static final Duration WINDOW = Duration.ofSeconds(3);
    public static final double CORNER = 120;

    private MaintenanceGesture() {}

    public static void install(Region header, UiContext ctx) {
        TapCounter counter = new TapCounter(ctx.clock(), TAPS, WINDOW);
        header.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getX() > CORNER || e.getY() > CORNER) {
                return;
            }
            if (counter.tap() && ctx.maintenance() != null) {
                ctx.maintenance().openPinPad();
            }
        });
    }
}
