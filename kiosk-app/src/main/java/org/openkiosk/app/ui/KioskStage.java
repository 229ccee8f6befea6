package org.openkiosk.app.ui;

import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

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
     * a window manager) consumed; the escape keys ({@link #isEscapeKey}) swallowed; the pointer hidden on a touch
     * screen. Whatever still takes the screen away (a window manager minimising it, leaving fullscreen, another
     * window taking the focus) is undone: the stage takes the screen back. Call before the stage is first shown.
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
        takesTheScreenBack(stage);
    }

    /**
     * Later (the window system's change must finish first) the stage is made fullscreen, restored and focused
     * again. Focus is taken back only when no other window of this program has it, so its own popups keep working.
     */
    private static void takesTheScreenBack(Stage stage) {
        stage.fullScreenProperty().addListener((o, was, is) -> {
            if (!is) {
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
        stage.iconifiedProperty().addListener((o, was, is) -> {
            if (is) {
                Platform.runLater(() -> stage.setIconified(false));
            }
        });
        stage.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                Platform.runLater(() -> {
                    if (stage.isShowing() && Window.getWindows().stream().noneMatch(Window::isFocused)) {
                        stage.toFront();
                        stage.requestFocus();
                    }
                });
            }
        });
    }

    /** A normal window; closing it ends the program through {@code onClose}. */
    public static void windowed(Stage stage, Scene scene, String title, Runnable onClose) {
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setOnCloseRequest(e -> onClose.run());
    }

    /**
     * Keys that leave or switch away from an application on common desktops: Esc, F11, Alt+F4, Ctrl+W/Q,
     * Alt+Tab, Alt/Ctrl+Esc, the Super/Windows and menu keys, Ctrl+Alt+Backspace and Ctrl+Alt+F1…F12 (VT switches).
     * The compositor must not act on them either (cage without {@code -s}); this keeps them from the screens.
     */
    static boolean isEscapeKey(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean ctrlAlt = e.isControlDown() && e.isAltDown();
        return code == KeyCode.ESCAPE || code == KeyCode.F11 || (code == KeyCode.F4 && e.isAltDown())
                || (code == KeyCode.W && e.isShortcutDown()) || (code == KeyCode.Q && e.isShortcutDown())
                || (code == KeyCode.TAB && e.isAltDown())
                || code == KeyCode.WINDOWS || code == KeyCode.META || code == KeyCode.COMMAND
                || code == KeyCode.CONTEXT_MENU
                || (ctrlAlt && (code == KeyCode.BACK_SPACE || code == KeyCode.DELETE || code.isFunctionKey()));
    }
}
