package org.openkiosk.app.ui.widgets;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A vector drawing made for a fixed design size that scales down (and up to 1.5×) to the room the layout
 * gives it, keeping its proportions: illustrations must never push buttons or text off a small or elder screen.
 */
public final class Drawing extends Region {

    private final Group content;
    private final double designWidth;
    private final double designHeight;

    public Drawing(double designWidth, double designHeight, Node... shapes) {
        this.designWidth = designWidth;
        this.designHeight = designHeight;
        this.content = new Group(shapes);
        getChildren().add(content);
        getStyleClass().add("drawing");
        setMouseTransparent(true);
        setMinSize(0, 0);
        setPrefSize(designWidth, designHeight);
        setMaxSize(designWidth * 1.5, designHeight * 1.5);
    }

    @Override
    protected void layoutChildren() {
        double scale = Math.min(getWidth() / designWidth, getHeight() / designHeight);
        scale = Math.max(0, Math.min(scale, 1.5));
        content.getTransforms().setAll(new javafx.scene.transform.Scale(scale, scale, 0, 0));
        content.setLayoutX((getWidth() - designWidth * scale) / 2 - content.getLayoutBounds().getMinX() * scale);
        content.setLayoutY((getHeight() - designHeight * scale) / 2 - content.getLayoutBounds().getMinY() * scale);
        setVisible(scale > 0.2); // too small to be understood: leave the room to the words
    }
}
