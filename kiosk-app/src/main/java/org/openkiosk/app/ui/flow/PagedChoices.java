package org.openkiosk.app.ui.flow;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.widgets.TileGrid;

/**
 * A list of choices shown a page at a time as uniform tiles ({@link TileGrid}); the page size follows elder mode
 * (fewer, larger choices).
 */
final class PagedChoices<T> {

    /** How a page is laid out: its size in normal and elder mode, and the number of columns. */
    enum Shape {
        /** Two columns of large tiles: certificates, reasons, days of a long list. */
        TILES(6, 4, 2, 2),
        /** One row, like a calendar strip: days. */
        STRIP(7, 5, 7, 5);

        final int normalPage;
        final int elderPage;
        final int normalColumns;
        final int elderColumns;

        Shape(int normalPage, int elderPage, int normalColumns, int elderColumns) {
            this.normalPage = normalPage;
            this.elderPage = elderPage;
            this.normalColumns = normalColumns;
            this.elderColumns = elderColumns;
        }
    }


    private final FlowScreen screen;
    private final String id;
    private final List<T> items;
    private final Function<T, Node> toNode;
    private final Shape shape;
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final VBox list = new VBox();
    private final VBox box;
    /** Held here so the weak listener on the long-lived context lives exactly as long as this list. */
    private final javafx.beans.InvalidationListener elderChanged;

    PagedChoices(FlowScreen screen, String id, List<T> items, Function<T, Node> toNode, Shape shape) {
        this.screen = screen;
        this.shape = shape;
        this.id = id;
        this.items = List.copyOf(items);
        this.toNode = toNode;
        list.getStyleClass().add("choice-list");
        Button previous = screen.button(id + "-previous", "flow.page.previous", "secondary-button",
                () -> page.set(page.get() - 1));
        Button next = screen.button(id + "-next", "flow.page.next", "secondary-button",
                () -> page.set(page.get() + 1));
        Label where = new Label();
        where.getStyleClass().add("body-text");
        HBox pager = new HBox(16, previous, where, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(16, list, pager);

        Runnable refresh = () -> {
            Pages<T> pages = pages();
            int p = Math.max(0, Math.min(page.get(), pages.count() - 1));
            if (p != page.get()) {
                page.set(p);
                return;
            }
            boolean elder = screen.context().elderModeProperty().get();
            TileGrid grid = new TileGrid(elder ? shape.elderColumns : shape.normalColumns, 16,
                    pages.page(p).stream().map(this.toNode).toList());
            grid.setId(id);
            list.getChildren().setAll(grid);
            boolean paged = pages.count() > 1;
            pager.setVisible(paged);
            pager.setManaged(paged);
            where.textProperty().bind(screen.m.text("flow.page", p + 1, pages.count()));
            previous.setVisible(p > 0);
            previous.setManaged(p > 0);
            next.setVisible(p < pages.count() - 1);
            next.setManaged(p < pages.count() - 1);
        };
        page.addListener((o, a, b) -> refresh.run());
        elderChanged = o -> refresh.run();
        screen.context().elderModeProperty().addListener(new javafx.beans.WeakInvalidationListener(elderChanged));
        refresh.run();
    }

    private Pages<T> pages() {
        return new Pages<>(items, screen.context().elderModeProperty().get() ? shape.elderPage : shape.normalPage);
    }

    Node node() {
        return box;
    }
}
