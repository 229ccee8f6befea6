package org.openkiosk.app.ui.screens.identify;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.openkiosk.app.session.CitizenSession;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.UiText;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.attract.AttractViewModel;

/**
 * Confirms who was identified, masked ({@code 1101**********002X}, {@code 测*}), and the chosen service.
 * The service flows themselves (issue 6) continue from here; until then the citizen can only finish.
 */
public final class IdentityConfirmedScreen implements Screen {

    public static final String ID = "identity-confirmed";

    private final UiContext ctx;
    private final KioskService service;
    private VBox view;

    public IdentityConfirmedScreen(UiContext ctx, KioskService service) {
        this.ctx = ctx;
        this.service = service;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private VBox build() {
        Messages m = ctx.messages();
        CitizenSession session = ctx.sessions().current()
                .orElseThrow(() -> new IllegalStateException("identity confirmed without a session"));
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(m.text("confirmed.title"));
        Label who = UiText.data(new Label(session.name()
                .map(n -> org.openkiosk.device.privacy.Masking.name(n) + "  ").orElse("")
                + session.idNumber().masked()));
        who.setId("confirmed-id");
        who.getStyleClass().add("screen-subtitle");
        Label chosen = new Label();
        chosen.getStyleClass().add("body-text");
        chosen.textProperty().bind(m.text(AttractViewModel.titleKey(service)));
        Label next = new Label();
        next.getStyleClass().add("body-text");
        next.setWrapText(true);
        next.textProperty().bind(m.text("confirmed.pending"));
        Button finish = new Button();
        finish.setId("finish");
        finish.getStyleClass().add("primary-button");
        finish.textProperty().bind(m.text("action.finish"));
        finish.setOnAction(e -> ctx.endSession());
        VBox box = new VBox(28, title, who, chosen, next, finish);
        box.getStyleClass().addAll("screen", "confirmed-screen");
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
