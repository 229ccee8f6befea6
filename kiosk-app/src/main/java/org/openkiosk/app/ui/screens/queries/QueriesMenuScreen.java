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
        return new org.openkiosk.app.ui.widgets.TileGrid(2, 16, java.util.List.of(
                choice("open-progress", () -> ctx.navigator().show(ctx.screens().progress()),
                        text("queries.progress", "choice-title")),
                choice("open-appointments", () -> ctx.navigator().show(ctx.screens().myAppointments()),
                        text("queries.appointments", "choice-title")),
                choice("open-certificates", () -> ctx.navigator().show(ctx.screens().certificateList()),
                        text("queries.certificates", "choice-title")),
                choice("open-guides", () -> ctx.navigator().show(ctx.screens().guides()),
                        text("queries.guides", "choice-title"))));
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("done", "action.done", "primary-button",
                () -> ctx.navigator().show(ctx.screens().rating())));
    }
}
