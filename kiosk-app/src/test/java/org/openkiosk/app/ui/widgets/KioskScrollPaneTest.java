package org.openkiosk.app.ui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.FxShell;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A screen with a scroll pane, drawn and dropped again and again (a citizen opening the certificate preview all
 * day), leaves no image behind in the renderer's effect image pool (ADR 0197). The tests draw with the software
 * renderer the soak measured (the build's {@code prism.order=sw}); the pool is read by reflection, JavaFX running
 * from the class path.
 */
class KioskScrollPaneTest {

    private static final int SCREENS = 6;

    @BeforeAll
    static void toolkit() {
        FxShell.toolkit();
    }

    @Test
    void theViewportIsNotCachedAsAPicture() throws Exception {
        ScrollPane pane = onFx(() -> {
            KioskScrollPane p = new KioskScrollPane(new Rectangle(1200, 2000));
            new Scene(new StackPane(p), 1300, 600).snapshot(null);
            return p;
        });
        Node viewport = pane.lookup(".viewport");
        assertThat(viewport).as("the skin's viewport").isNotNull();
        assertThat(viewport.isCache()).isFalse();
    }

    @Test
    void droppedScreensGiveTheirImagesBack() throws Exception {
        assertThat(imagesLeftAfterDroppedScreens(KioskScrollPane::new)).isZero();
    }

    /** What KioskScrollPane avoids: if this ever fails, JavaFX gives the picture back by itself. */
    @Test
    void aPlainScrollPaneLeavesAnImagePerScreen() throws Exception {
        assertThat(imagesLeftAfterDroppedScreens(ScrollPane::new)).isGreaterThanOrEqualTo(SCREENS);
    }

    private static int imagesLeftAfterDroppedScreens(Function<Node, ScrollPane> scrollPane) throws Exception {
        onFx(() -> new Scene(new StackPane(new Rectangle(10, 10)), 100, 100).snapshot(null)); // the renderer exists
        int before = lockedImages();
        for (int i = 0; i < SCREENS; i++) {
            onFx(() -> {
                Scene screen = new Scene(new StackPane(scrollPane.apply(new Rectangle(1200, 2000))), 1300, 600);
                screen.snapshot(null);
                screen.snapshot(null);
                return null;
            });
        }
        return lockedImages() - before;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Images the effect pools of every renderer have handed out and not taken back. */
    private static int lockedImages() throws Exception {
        return onFx(() -> {
            Class<?> renderer = Class.forName("com.sun.scenario.effect.impl.Renderer");
            Field map = renderer.getDeclaredField("rendererMap");
            map.setAccessible(true);
            Field poolField = renderer.getDeclaredField("imagePool");
            poolField.setAccessible(true);
            Field lockedField = Class.forName("com.sun.scenario.effect.impl.ImagePool").getDeclaredField("locked");
            lockedField.setAccessible(true);
            int n = 0;
            for (Object r : ((Map<?, ?>) map.get(null)).values()) {
                Object pool = poolField.get(r);
                synchronized (pool) {
                    n += ((List<?>) lockedField.get(pool)).size();
                }
            }
            return n;
        });
    }
}
