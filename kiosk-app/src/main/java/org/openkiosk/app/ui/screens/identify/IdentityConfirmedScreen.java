package org.openkiosk.app.ui.screens.identify;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.openkiosk.app.session.CitizenSession;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.screens.attract.AttractViewModel;
import org.openkiosk.device.privacy.Masking;

/**
 * Confirms who was identified, masked ({@code 1101**********002X}, {@code 测*}). With a service chosen on the
 * attract screen, one touch continues into it; after a card placed on the attract screen, the citizen picks the
 * service here.
 */
public final class IdentityConfirmedScreen extends FlowScreen {

    public static final String ID = "identity-confirmed";

    private final KioskService service;

    public IdentityConfirmedScreen(UiContext ctx, KioskService service) {
        super(ctx);
        this.service = service;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "confirmed.title";
    }

    @Override
    protected Node content() {
        CitizenSession session = session();
        var who = data(session.name().map(n -> Masking.name(n) + "  ").orElse("")
                + session.idNumber().masked(), "screen-subtitle");
        who.setId("confirmed-id");
        VBox box = new VBox(24, who);
        if (service != null) {
            box.getChildren().addAll(text(AttractViewModel.titleKey(service), "body-text"),
                    text("confirmed.pending", "body-text"));
        } else {
            box.getChildren().add(text("confirmed.choose", "body-text"));
            // two columns: four stacked buttons pushed the bottom bar off a 1366×768 screen in elder mode
            org.openkiosk.app.ui.widgets.TileGrid choices = new org.openkiosk.app.ui.widgets.TileGrid(2, 16);
            box.getChildren().add(choices);
            for (KioskService s : new AttractViewModel(x -> { }).services()) {
                if (s == KioskService.CERTIFICATE_CHECK) { // for anyone holding a paper, not the citizen's own matter
                    continue;
                }
                Button b = button("start-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        AttractViewModel.titleKey(s), "primary-button", () -> {
                            session().choose("service", s.name());
                            ctx.navigator().show(ctx.screens().start(s));
                        });
                b.setMaxWidth(Double.MAX_VALUE);
                choices.getChildren().add(b);
            }
        }
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    @Override
    protected List<Node> actions() {
        if (service == null) {
            return List.of(button("finish", "action.finish", "secondary-button", ctx::endSession));
        }
        return List.of(button("continue", "action.continue", "primary-button",
                () -> ctx.navigator().show(ctx.screens().start(service))));
    }
}
