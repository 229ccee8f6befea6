package org.openkiosk.app.ui.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.openkiosk.app.ui.widgets.TileGrid;

/**
 * Layout faults a golden image may not name clearly: a text cut short with "…", a control outside the window, a
 * button touching its edge, tiles of one grid with different heights. Call on the JavaFX thread after layout;
 * each returns the faults found (empty when the screen is fine).
 */
public final class LayoutChecks {

    /** May shorten by design: the hall name gives way to the toggles (KioskHeader). */
    private static final List<String> MAY_SHORTEN = List.of("hall-name");

    /** A button closer than this to the window's edge is half under the bezel for a finger. */
    private static final double EDGE_MARGIN = 6;

    private LayoutChecks() {}

    public static List<String> faults(Scene scene) {
        List<String> faults = new ArrayList<>();
        visit(scene.getRoot(), false, scene, faults);
        return faults;
    }

    private static void visit(Node node, boolean scrolled, Scene scene, List<String> faults) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !MAY_SHORTEN.contains(String.valueOf(labeled.getId()))) {
            cut(labeled).ifPresent(faults::add);
        }
        if (!scrolled && (node instanceof Labeled) && node.getScene() != null) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1) {
                faults.add(describe(node) + " lies outside the " + (int) scene.getWidth() + "×"
                        + (int) scene.getHeight() + " window: " + b);
            }
        }
        if (!scrolled && node instanceof ButtonBase && node.getScene() != null) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            boolean nearEdge = b.getMinX() < EDGE_MARGIN || b.getMinY() < EDGE_MARGIN
                    || b.getMaxX() > scene.getWidth() - EDGE_MARGIN || b.getMaxY() > scene.getHeight() - EDGE_MARGIN;
            if (b.getWidth() > 0 && b.getHeight() > 0 && nearEdge) {
                faults.add(describe(node) + " touches the edge of the " + (int) scene.getWidth() + "×"
                        + (int) scene.getHeight() + " window (less than " + (int) EDGE_MARGIN + " px): " + b);
            }
        }
        if (node instanceof TileGrid grid) {
            List<Double> heights = grid.getChildrenUnmodifiable().stream().filter(Node::isManaged)
                    .map(n -> n.getLayoutBounds().getHeight()).distinct().toList();
            if (heights.size() > 1) {
                faults.add(describe(grid) + " has tiles of different heights " + heights);
            }
        }
        if (node instanceof ScrollPane pane) { // what scrolls may lie outside the window: it can be reached
            if (pane.getContent() != null) {
                visit(pane.getContent(), true, scene, faults);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, scrolled, scene, faults);
            }
        }
    }

    /** The skin's text node shows "…" (or fewer characters) when the label had no room for its text. */
    private static java.util.Optional<String> cut(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isBlank() || labeled.getGraphic() != null && full.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.isVisible()) {
                String s = squash(shown.getText());
                if (!s.equals(squash(full))) {
                    return java.util.Optional.of(describe(labeled) + " is cut: shows \"" + shown.getText()
                            + "\" of \"" + full + "\"");
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }
}
