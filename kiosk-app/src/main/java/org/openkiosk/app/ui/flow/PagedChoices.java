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

/** A list of choices shown a page at a time; the page size follows elder mode (fewer, larger choices). */
final class PagedChoices<T> {

    static final int ELDER_PAGE = 4;
    static final int NORMAL_PAGE = 6;

    private final FlowScreen screen;
    private final String id;
    private final List<T> items;
    private final Function<T, Node> toNode;
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final VBox list = new VBox(12);
    private final VBox box;
    /** Held here so the weak listener on the long-lived context lives exactly as long as this list. */
    private final javafx.beans.InvalidationListener elderChanged;

    PagedChoices(FlowScreen screen, String id, List<T> items, Function<T, Node> toNode) {
        this.screen = screen;
        this.id = id;
        this.items = List.copyOf(items);
        this.toNode = toNode;
        list.setId(id);
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
            list.getChildren().setAll(pages.page(p).stream().map(this.toNode).toList());
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
        return new Pages<>(items, screen.context().elderModeProperty().get() ? ELDER_PAGE : NORMAL_PAGE);
    }

    Node node() {
        return box;
    }
}
