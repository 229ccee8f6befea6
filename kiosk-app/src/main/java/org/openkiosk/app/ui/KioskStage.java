package org.openkiosk.app.ui;

import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Puts the shell's scene on a stage: locked-down fullscreen for the hall, or a plain window for development.
 */
public final class KioskStage {

    /** The scene's size in a window: that of the halls' usual 1080p kiosk screens, so layouts match. */
    public static final double WINDOWED_WIDTH = 1920;
    public static final double WINDOWED_HEIGHT = 1080;

    private KioskStage() {}

    /**
     * Fullscreen, undecorated, always on top; no exit key combination or hint; close requests (Alt+F4 from
     * a window manager) consumed; Esc, Alt+F4 and F11 swallowed; the pointer hidden on a touch screen.
     * Call before the stage is first shown.
     */
    public static void lockDown(Stage stage, Scene scene, boolean hidePointer) {
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setScene(scene);
        stage.setAlwaysOnTop(true);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setResizable(false);
        stage.setOnCloseRequest(e -> e.consume());
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (isEscapeKey(e)) {
                e.consume();
            }
        });
        if (hidePointer) {
            scene.setCursor(Cursor.NONE);
        }
    }

    /** A normal window; closing it ends the program through {@code onClose}. */
    public static void windowed(Stage stage, Scene scene, String title, Runnable onClose) {
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setOnCloseRequest(e -> onClose.run());
    }

    static boolean isEscapeKey(KeyEvent e) {
        KeyCode code = e.getCode();
        return code == KeyCode.ESCAPE || code == KeyCode.F11 || (code == KeyCode.F4 && e.isAltDown())
                || (code == KeyCode.W && e.isShortcutDown()) || (code == KeyCode.Q && e.isShortcutDown());
    }
}
