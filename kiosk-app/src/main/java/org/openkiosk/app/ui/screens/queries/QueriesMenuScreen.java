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

    /** One entry of the menu: its button id, its words and where it leads. */
    private record Entry(String id, String key, Runnable open) {}

    @Override
    protected Node content() {
        // two columns of uniform tiles (the flow's paged tiles, one page): four stacked rows did not fit
        // 1920×1080 in elder mode
        return pagedChoices("queries", List.of(
                new Entry("open-progress", "queries.progress", () -> ctx.navigator().show(ctx.screens().progress())),
                new Entry("open-appointments", "queries.appointments",
                        () -> ctx.navigator().show(ctx.screens().myAppointments())),
                new Entry("open-certificates", "queries.certificates",
                        () -> ctx.navigator().show(ctx.screens().certificateList())),
                new Entry("open-guides", "queries.guides", () -> ctx.navigator().show(ctx.screens().guides()))),
                e -> choice(e.id(), e.open(), text(e.key(), "choice-title")));
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("done", "action.done", "primary-button",
                () -> ctx.navigator().show(ctx.screens().rating())));
    }
}
