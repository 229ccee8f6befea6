package org.openkiosk.app.ui.theme;

import javafx.scene.Scene;

/**
 * Marks the scene's root {@code compact} while the window is less than {@link #BELOW} pixels high (a 1366×768
 * panel): kiosk.css and elder.css then tighten paddings, titles and button heights so every screen still fits,
 * elder mode and English included, without changing the 1920×1080 look. Elder type stays ≥ 30 px.
 */
public final class CompactLayout {

    public static final double BELOW = 900;

    private CompactLayout() {}

    public static void install(Scene scene) {
        Runnable apply = () -> {
            // a window being shown passes through a height of 0 (no size yet): not a reason to go compact, and
            // its change notification can arrive after the real height's
            if (scene.getRoot() == null || scene.getHeight() <= 0) {
                return;
            }
            var classes = scene.getRoot().getStyleClass();
            boolean compact = scene.getHeight() < BELOW;
            if (compact && !classes.contains("compact")) {
                classes.add("compact");
            } else if (!compact) {
                classes.remove("compact");
            }
        };
        scene.heightProperty().addListener((o, a, b) -> apply.run());
        scene.rootProperty().addListener((o, a, b) -> apply.run());
        // and before every layout pulse, from the height the scene has then: a window shown or resized can leave a
        // change notification behind the size it ends at (seen in the golden-screen tests after other shells ran)
        scene.addPreLayoutPulseListener(apply);
        apply.run();
    }
}
