package org.openkiosk.app.ui.screens.identify;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.UiText;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.attract.AttractViewModel;

/**
 * "Identify yourself": place the ID card, scan an appointment slip, or type the ID number on the keypad.
 * The card and code paths are armed by the device layer (issue 6); the keypad path works now.
 */
public final class IdentifyScreen implements Screen {

    public static final String ID = "identify";

    private final UiContext ctx;
    private final KioskService service;
    private final IdEntryViewModel entry = new IdEntryViewModel();
    private HBox view;

    public IdentifyScreen(UiContext ctx, KioskService service) {
        this.ctx = ctx;
        this.service = service;
    }

    @Override
    public String id() {
        return ID;
    }

    public KioskService service() {
        return service;
    }

    public IdEntryViewModel entry() {
        return entry;
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /** Confirm button: a valid number starts the session and moves on; an invalid one says why. */
    void confirm() {
        entry.confirm().ifPresent(id -> {
            ctx.sessions().start(IdentificationMethod.TYPED_NUMBER, id)
                    .choose("service", service.name());
            entry.clear();
            ctx.navigator().show(ctx.screens().identityConfirmed(service));
        });
    }

    private HBox build() {
        Messages m = ctx.messages();

        Label title = label(m, "identify.title", "screen-title");
        Label serviceName = label(m, AttractViewModel.titleKey(service), "screen-subtitle");
        Label card = label(m, "identify.card", "body-text");
        Label scan = label(m, "identify.scan", "body-text");
        Label or = label(m, "identify.or.type", "body-text");
        Button home = new Button();
        home.setId("go-home");
        home.getStyleClass().add("secondary-button");
        home.textProperty().bind(m.text("action.home"));
        home.setOnAction(e -> ctx.endSession());
        VBox left = new VBox(title, serviceName, card, scan, or, home);
        left.getStyleClass().add("identify-instructions");
        HBox.setHgrow(left, Priority.ALWAYS);

        Label number = UiText.data(new Label());
        number.setId("id-entry");
        number.getStyleClass().add("id-entry");
        number.setMaxWidth(Double.MAX_VALUE);
        number.textProperty().bind(entry.grouped());
        Label placeholder = label(m, "identify.entry.placeholder", "id-entry-placeholder");
        placeholder.visibleProperty().bind(entry.entryProperty().isEmpty());
        Label error = new Label();
        error.setId("id-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(
                () -> entry.errorKeyProperty().get() == null ? "" : m.get(entry.errorKeyProperty().get()),
                entry.errorKeyProperty(), m.languageProperty()));

        IdKeypad keypad = new IdKeypad(entry, m);
        VBox.setVgrow(keypad, Priority.ALWAYS);
        Button clear = new Button();
        clear.setId("id-clear");
        clear.getStyleClass().add("secondary-button");
        clear.textProperty().bind(m.text("identify.clear"));
        clear.setOnAction(e -> entry.clear());
        Button ok = new Button();
        ok.setId("id-confirm");
        ok.getStyleClass().add("primary-button");
        ok.textProperty().bind(m.text("identify.confirm"));
        ok.disableProperty().bind(entry.complete().not());
        ok.setOnAction(e -> confirm());
        HBox actions = new HBox(16, clear, ok);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox right = new VBox(16, new javafx.scene.layout.StackPane(number, placeholder), error, keypad, actions);
        right.getStyleClass().add("identify-keypad");

        HBox box = new HBox(40, left, right);
        box.getStyleClass().addAll("screen", "identify-screen");
        return box;
    }

    private static Label label(Messages m, String key, String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(m.text(key));
        return l;
    }
}
