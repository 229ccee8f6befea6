package org.openkiosk.app.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * The kiosk's scroll pane: a {@link ScrollPane} whose viewport is not cached as a bitmap.
 * <p>
 * JavaFX's skin caches the viewport ({@code setCache(true)} on its {@code .viewport} node). The cached picture is
 * an image checked out of the renderer's effect image pool, and it is checked back in only when the cache is turned
 * off, never when the screen holding the scroll pane is dropped: every certificate preview left a ~3 MB image behind
 * (held softly, so the heap after a full GC rose until the JVM cleared them all at once — the 10,000-session soak's
 * sawtooth, BENCHMARKS.md, ADR 0197). A kiosk scrolls rarely and slowly; drawing the content again while it does
 * costs less than a picture of it per screen shown. Every scroll pane of the kiosk is this one
 * ({@code ArchitectureTest}).
 */
public final class KioskScrollPane extends ScrollPane {

    public KioskScrollPane(Node content) {
        super(content);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        skin.getChildren().stream().filter(child -> child.getStyleClass().contains("viewport"))
                .forEach(viewport -> viewport.setCache(false));
        return skin;
    }
}
