package org.openkiosk.app.ui.widgets;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Choices laid out in equal columns where every tile has the same height: the tallest tile's height at the
 * column width (so a long English title makes all tiles taller, never one tile alone). Tiles fill their cell.
 */
public final class TileGrid extends Region {

    private final int columns;
    private final double gap;

    public TileGrid(int columns, double gap) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be ≥ 1: " + columns);
        }
        this.columns = columns;
        this.gap = gap;
        getStyleClass().add("tile-grid");
    }

    public TileGrid(int columns, double gap, List<? extends Node> tiles) {
        this(columns, gap);
        getChildren().setAll(tiles);
    }

    /** The grid's tiles, in reading order; mutable. */
    @Override
    public javafx.collections.ObservableList<Node> getChildren() {
        return super.getChildren();
    }

    public int columns() {
        return columns;
    }

    private List<Node> tiles() {
        return getChildren().stream().filter(Node::isManaged).toList();
    }

    private double columnWidth(double width) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        return Math.max(0, (inner - gap * (columns - 1)) / columns);
    }

    private double tileHeight(double columnWidth) {
        double h = 0;
        for (Node tile : tiles()) {
            h = Math.max(h, Math.max(tile.minHeight(columnWidth), tile.prefHeight(columnWidth)));
        }
        return snapSizeY(h);
    }

    private int rows() {
        return (tiles().size() + columns - 1) / columns;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (Node tile : tiles()) {
            w = Math.max(w, tile.prefWidth(-1));
        }
        return snappedLeftInset() + snappedRightInset() + columns * w + gap * (columns - 1);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        int rows = rows();
        double tile = tileHeight(columnWidth(width < 0 ? computePrefWidth(-1) : width));
        return snappedTopInset() + snappedBottomInset() + rows * tile + Math.max(0, rows - 1) * gap;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected void layoutChildren() {
        double cw = snapSizeX(columnWidth(getWidth()));
        double th = tileHeight(cw);
        int i = 0;
        for (Node tile : tiles()) {
            int row = i / columns;
            int col = i % columns;
            tile.resizeRelocate(snappedLeftInset() + col * (cw + gap), snappedTopInset() + row * (th + gap), cw, th);
            i++;
        }
    }
}
