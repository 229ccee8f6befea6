package org.openkiosk.app.ui.theme;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * The two looks of the kiosk. {@code kiosk.css} always applies; elder mode adds {@code elder.css} on top
 * (larger type, higher contrast, bigger touch targets) and the style class {@code elder} on the root.
 */
public enum Theme {
    NORMAL,
    ELDER;

    public static final String BASE_CSS = "kiosk.css";
    public static final String ELDER_CSS = "elder.css";

    public static Theme of(boolean elder) {
        return elder ? ELDER : NORMAL;
    }

    /** The stylesheet files this theme stacks, in order (file names next to this class). */
    public List<String> stylesheetFiles() {
        return this == ELDER ? List.of(BASE_CSS, ELDER_CSS) : List.of(BASE_CSS);
    }

    public static URL resource(String file) {
        return Objects.requireNonNull(Theme.class.getResource(file), "stylesheet missing: " + file);
    }

    /** Replaces the scene's stylesheets with this theme's and marks the root. */
    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheetFiles().stream().map(f -> resource(f).toExternalForm()).toList());
        if (scene.getRoot() != null) {
            scene.getRoot().getStyleClass().remove("elder");
            if (this == ELDER) {
                scene.getRoot().getStyleClass().add("elder");
            }
        }
    }
}
