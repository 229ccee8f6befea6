package org.openkiosk.app.ui.widgets;

import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * An image shown as large as the room the layout gives it, whole and in proportion, centred. Its width follows
 * the height it is given (A4 portrait until the image has loaded), so a page beside text takes only its own width.
 */
public final class FittedImage extends Region {

    private final ImageView view;

    public FittedImage(ImageView view) {
        this.view = view;
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
        setMinSize(0, 0);
    }

    private static final double A4_PORTRAIT = 1 / Math.sqrt(2);

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.VERTICAL;
    }

    private double aspect() {
        var image = view.getImage();
        return image == null || image.getHeight() == 0 ? A4_PORTRAIT : image.getWidth() / image.getHeight();
    }

    @Override
    protected double computePrefWidth(double height) {
        double inner = height > 0 ? height - snappedTopInset() - snappedBottomInset() : 560;
        return inner * aspect() + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        view.setFitWidth(Math.max(1, w));
        view.setFitHeight(Math.max(1, h));
        var b = view.getLayoutBounds();
        view.relocate(snappedLeftInset() + (w - b.getWidth()) / 2, snappedTopInset() + (h - b.getHeight()) / 2);
    }
}
