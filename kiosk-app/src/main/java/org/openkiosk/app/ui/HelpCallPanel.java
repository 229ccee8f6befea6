package org.openkiosk.app.ui;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.openkiosk.app.fleet.HelpCalls;
import org.openkiosk.app.ui.i18n.Messages;

/**
 * The note at the bottom of the screen while a help call is open: where it stands in plain words, the hall's phone
 * number when staff cannot be reached, and a button to cancel. Lets touches through everywhere else, so the
 * citizen can carry on while waiting.
 */
public final class HelpCallPanel extends StackPane {

    public HelpCallPanel(Messages messages, HelpCallModel model, Optional<String> helpPhone) {
        setId("help-panel");
        setPickOnBounds(false);
        setAlignment(Pos.BOTTOM_CENTER);
        var call = model.callProperty();

        Label status = new Label();
        status.setId("help-status");
        status.getStyleClass().addAll("help-status", "body-text");
        status.setWrapText(true);
        StringBinding text = Bindings.createStringBinding(() -> call.get().map(c -> switch (c.status()) {
            case SENDING -> messages.get("help.sending");
            case DELIVERED -> messages.get("help.delivered");
            case ACKNOWLEDGED -> messages.get("help.acknowledged");
            case UNREACHABLE -> helpPhone.map(phone -> messages.get("help.unreachable", phone))
                    .orElseGet(() -> messages.get("help.unreachable.noPhone"));
        }).orElse(""), call, messages.languageProperty());
        status.textProperty().bind(text);

        Button cancel = new Button();
        cancel.setId("help-cancel");
        cancel.getStyleClass().add("secondary-button");
        cancel.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                call.get().map(c -> c.status() == HelpCalls.Status.UNREACHABLE).orElse(false)
                        ? "help.close" : "help.cancel"), call, messages.languageProperty()));
        cancel.setOnAction(e -> model.cancelByCitizen());

        HBox card = new HBox(32, status, cancel);
        card.setId("help-card");
        card.getStyleClass().addAll("dialog-card", "help-card");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        VBox.setVgrow(card, javafx.scene.layout.Priority.NEVER);
        getChildren().add(card);
        visibleProperty().bind(Bindings.createBooleanBinding(() -> call.get().isPresent(), call));
    }
}
