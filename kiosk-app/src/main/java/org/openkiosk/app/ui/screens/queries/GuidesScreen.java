package org.openkiosk.app.ui.screens.queries;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.platform.ServiceGuide;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Public service guides (materials, fee, time limit); no identity needed. */
public final class GuidesScreen extends FlowScreen {

    public static final String ID = "guides";

    private final VBox body = new VBox(16);

    public GuidesScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "queries.guides";
    }

    @Override
    protected Node content() {
        return body;
    }

    @Override
    protected void shown() {
        var who = ctx.sessions().current().map(org.openkiosk.app.ui.flow.SessionIdentity::of);
        work(() -> services().queries().guides(who), this::list);
    }

    private void list(List<ServiceGuide> guides) {
        body.getChildren().setAll(pagedChoices("guide-list", guides, g -> choice("guide-" + g.code(),
                () -> detail(guides, g), bilingual(g.titleZh(), g.titleEn(), "choice-title"))));
    }

    private void detail(List<ServiceGuide> guides, ServiceGuide g) {
        body.getChildren().setAll(
                bilingual(g.titleZh(), g.titleEn(), "screen-subtitle"),
                text("guide.materials", "choice-title"), bilingual(g.materialsZh(), g.materialsEn(), "body-text"),
                text("guide.fee", "choice-title"), bilingual(g.feeZh(), g.feeEn(), "body-text"),
                text("guide.time", "choice-title"), bilingual(g.timeLimitZh(), g.timeLimitEn(), "body-text"),
                button("guide-back", "action.back", "secondary-button", () -> list(guides)));
    }
}
