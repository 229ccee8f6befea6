package org.openkiosk.bench.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.openkiosk.app.ui.KioskLauncher;

/**
 * The baseline: a bare JavaFX window with one label, started the same way the kiosk starts JavaFX
 * ({@code Platform.startup}), printing the same first-frame marker after its first layout pulse.
 */
public final class BareWindowProbe {

    private BareWindowProbe() {}

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(new Label("bare")), 1920, 1080);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                System.out.println(KioskLauncher.FIRST_FRAME_MARKER + System.nanoTime());
                System.out.flush();
                Platform.exit();
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        });
    }
}
