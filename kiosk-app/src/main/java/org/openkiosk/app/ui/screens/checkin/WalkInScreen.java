package org.openkiosk.app.ui.screens.checkin;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.SessionKeys;

/** A walk-in queue ticket: choose the service; no appointment needed. */
public final class WalkInScreen extends FlowScreen {

    public static final String ID = "walk-in";

    private final VBox list = new VBox(12);

    public WalkInScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "walkin.title";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected void shown() {
        work(() -> services().queue().services(), services -> list.getChildren().setAll(
                pagedChoices("walkin-services", services, s -> choice("walkin-" + s.code(), () -> take(s.code()),
                        bilingual(s.titleZh(), s.titleEn(), "choice-title")))));
    }

    private void take(String serviceCode) {
        ctx.sessions().current().ifPresent(s -> s.choose(SessionKeys.RATED_SERVICE, serviceCode));
        var who = ctx.sessions().current().map(org.openkiosk.app.ui.flow.SessionIdentity::of);
        work(() -> services().queue().walkIn(who, serviceCode), r -> ctx.navigator().show(ctx.screens().ticket(r)));
    }

    @Override
    protected List<Node> actions() {
        return List.of();
    }
}
