package org.openkiosk.app.ui.screens.queries;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.Application;
import org.openkiosk.app.service.platform.ProgressEvent;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Each application with its timeline (received → under review → … ), oldest step first. */
public final class ProgressScreen extends FlowScreen {

    public static final String ID = "progress";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VBox list = new VBox(16);

    public ProgressScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "queries.progress";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("back", "action.back", "secondary-button",
                () -> ctx.navigator().show(ctx.screens().queries())));
    }

    @Override
    protected void shown() {
        Identity who = identity();
        work(() -> services().queries().progress(who), this::show);
    }

    private void show(List<Application> applications) {
        if (applications.isEmpty()) {
            list.getChildren().setAll(text("progress.none", "body-text"));
            return;
        }
        ZoneId zone = ctx.clock().getZone();
        list.getChildren().setAll(pagedChoices("applications", applications, a -> {
            VBox card = new VBox(6, bilingual(a.titleZh(), a.titleEn(), "choice-title"),
                    data(a.id(), "choice-hint"));
            HBox steps = new HBox(24);
            for (ProgressEvent e : a.timeline()) {
                steps.getChildren().add(new VBox(2,
                        bilingual(e.status().label("zh"), e.status().label("en"), "timeline-step"),
                        data(WHEN.format(e.at().atZone(zone)), "timeline-time")));
            }
            card.getChildren().add(steps);
            card.getStyleClass().add("timeline");
            return card;
        }));
    }
}
