package org.openkiosk.app.ui.widgets;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.shape.SVGPath;

/**
 * The project's own line icons, drawn as SVG path data on a 48 × 48 grid (ADR 0141: no icon library). The
 * stroke colour comes from the theme ({@code .tile-icon} in kiosk.css), so elder mode darkens them too.
 */
public enum Icon {
    DOCUMENT("M12 4h18l10 10v30H12z M30 4v10h10 M18 22h16 M18 28h16 M18 34h10"),
    CALENDAR("M7 10h34v31H7z M7 18h34 M15 5v9 M33 5v9 M14 24h6v5h-6z M26 24h6v5h-6z M14 33h6v5h-6z"),
    CLOCK("M24 6a18 18 0 1 0 0.01 0z M24 13v11l8 6"),
    SEARCH("M20 6a13 13 0 1 0 0.01 0z M29.5 29.5l12 12"),
    TICKET("M6 13h36v7a4 4 0 0 0 0 8v7H6v-7a4 4 0 0 0 0-8z M18 13v22 M24 20h12 M24 28h8"),
    /** A cross in a circle: not confirmed. */
    CROSS_CIRCLE("M24 6a18 18 0 1 0 0.01 0z M17 17l14 14 M31 17l-14 14"),
    SHIELD_CHECK("M24 4l16 6v12c0 10-7 18-16 22C15 40 8 32 8 22V10z M16 24l6 6 11-12"),
    WRENCH("M31 7a9 9 0 0 0-9 12L7 34l7 7 15-15a9 9 0 0 0 12-9l-6 6-6-1-1-6z"),
    MAZE("M7 7h34v34H7z M15 7v17h9 M33 15v18H15 M24 33v8 M24 15v9"),
    DOTS("M12 21a3 3 0 1 0 0.01 0z M24 21a3 3 0 1 0 0.01 0z M36 21a3 3 0 1 0 0.01 0z"),
    HOURGLASS("M12 5h24 M12 43h24 M15 5c0 12 18 12 18 19s-18 7-18 19 M33 5c0 12-18 12-18 19s18 7 18 19");

    static final double GRID = 48;

    private final String path;

    Icon(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The icon as a node {@code size} pixels square. */
    public Node node(double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add("tile-icon");
        shape.setStrokeWidth(3.2);
        shape.setStrokeLineCap(StrokeLineCap.ROUND);
        shape.setStrokeLineJoin(StrokeLineJoin.ROUND);
        double scale = size / GRID;
        shape.setScaleX(scale);
        shape.setScaleY(scale);
        StackPane box = new StackPane(new Group(shape));
        box.getStyleClass().add("tile-icon-box");
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.setMouseTransparent(true);
        return box;
    }
}
