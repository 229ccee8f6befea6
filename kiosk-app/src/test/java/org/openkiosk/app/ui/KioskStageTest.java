package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.FxShell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The locked-down stage: no way out by keys or close requests. (Monocle reports fullscreen, not its size.) */
class KioskStageTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private final List<KeyEvent> seenByRoot = new ArrayList<>();

    @BeforeAll
    static void toolkit() {
        FxShell.toolkit();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
    }

    @Test
    void ignoresExitKeysAndCloseRequests() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            StackPane root = new StackPane();
            root.setFocusTraversable(true);
            root.addEventHandler(KeyEvent.KEY_PRESSED, seenByRoot::add);
            Scene scene = new Scene(root, 800, 600);
            KioskStage.lockDown(stage, scene, true);
            stage.show();
            root.requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getStyle()).isEqualTo(StageStyle.UNDECORATED);
        assertThat(stage.isAlwaysOnTop()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(stage.getFullScreenExitHint()).isEmpty();
        assertThat(stage.getScene().getCursor()).isEqualTo(Cursor.NONE);

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.ALT, KeyCode.F4).release(KeyCode.F4, KeyCode.ALT);
        robot.press(KeyCode.F11).release(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(seenByRoot).extracting(KeyEvent::getCode)
                .doesNotContain(KeyCode.ESCAPE, KeyCode.F4, KeyCode.F11);

        // what a window manager sends for Alt+F4 or a close button
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(stage,
                new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();

        // ordinary keys still reach the screens (the keypad, a scanner in keyboard mode)
        robot.press(KeyCode.DIGIT5).release(KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seenByRoot).extracting(KeyEvent::getCode).contains(KeyCode.DIGIT5);
    }

    @Test
    void swallowsTheDesktopsSwitchingKeys() throws Exception {
        showLockedDown();

        robot.press(KeyCode.ALT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.ALT);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.F2).release(KeyCode.F2, KeyCode.ALT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.BACK_SPACE)
                .release(KeyCode.BACK_SPACE, KeyCode.ALT, KeyCode.CONTROL);
        robot.press(KeyCode.WINDOWS).release(KeyCode.WINDOWS);
        robot.press(KeyCode.CONTROL, KeyCode.ESCAPE).release(KeyCode.ESCAPE, KeyCode.CONTROL);
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(seenByRoot).extracting(KeyEvent::getCode)
                .doesNotContain(KeyCode.F2, KeyCode.BACK_SPACE, KeyCode.WINDOWS, KeyCode.ESCAPE)
                // Tab alone still moves the focus (keyboard users); only Alt+Tab is swallowed
                .containsOnlyOnce(KeyCode.TAB);
    }

    @Test
    void takesTheScreenBackWhenMinimisedOrLeftFullscreen() throws Exception {
        showLockedDown();

        WaitForAsyncUtils.asyncFx(() -> stage.setIconified(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isIconified()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> stage.setFullScreen(false)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.isShowing()).isTrue();
    }

    private void showLockedDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            StackPane root = new StackPane();
            root.setFocusTraversable(true);
            root.addEventHandler(KeyEvent.KEY_PRESSED, seenByRoot::add);
            KioskStage.lockDown(stage, new Scene(root, 800, 600), true);
            stage.show();
            root.requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void windowedModeClosesThroughTheGivenAction() throws Exception {
        boolean[] closed = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            KioskStage.windowed(stage, new Scene(new StackPane(), 640, 400), "OpenKiosk", () -> closed[0] = true);
            stage.show();
            Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        }).get();
        assertThat(closed[0]).isTrue();
        assertThat(stage.isFullScreen()).isFalse();
    }
}
