package org.openkiosk.app.ui.screens.queries;

import java.util.List;
import javafx.scene.Node;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Queries: progress of my applications, my appointments, my certificates, service guides. */
public final class QueriesMenuScreen extends FlowScreen {

    public static final String ID = "queries";

    public QueriesMenuScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "queries.title";
    }

    @Override
    protected Node content() {
        // two columns of equal tiles: four stacked rows did not fit 1920×1080 in elder mode
        return twoColumns(List.of(
                choice("open-progress", () -> ctx.navigator().show(ctx.screens().progress()),
                        text("queries.progress", "choice-title")),
                choice("open-appointments", () -> ctx.navigator().show(ctx.screens().myAppointments()),
                        text("queries.appointments", "choice-title")),
                choice("open-certificates", () -> ctx.navigator().show(ctx.screens().certificateList()),
                        text("queries.certificates", "choice-title")),
                choice("open-guides", () -> ctx.navigator().show(ctx.screens().guides()),
                        text("queries.guides", "choice-title"))));
    }

    /** A plain grid (not ui.widgets.TileGrid: this package may not depend on widgets, ADR 0133). */
    private static Node twoColumns(List<javafx.scene.control.Button> tiles) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(50);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < tiles.size(); i++) {
            grid.add(tiles.get(i), i % 2, i / 2);
        }
        return new javafx.scene.layout.VBox(grid); // the tiles keep their height; the room below stays empty
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("done", "action.done", "primary-button",
                () -> ctx.navigator().show(ctx.screens().rating())));
    }
}
