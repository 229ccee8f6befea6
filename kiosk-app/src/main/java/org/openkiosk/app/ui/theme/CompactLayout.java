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
            if (scene.getRoot() == null) {
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
        apply.run();
    }
}
