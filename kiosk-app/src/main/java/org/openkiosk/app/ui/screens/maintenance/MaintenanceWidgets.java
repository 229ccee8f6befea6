package org.openkiosk.app.ui.screens.maintenance;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Messages;

/** The labels and buttons the maintenance sections are made of: messages from the bundles, facts as they are. */
final class MaintenanceWidgets {

    private final Messages messages;

    MaintenanceWidgets(Messages messages) {
        this.messages = messages;
    }

    Button button(String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("secondary-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.textProperty().bind(messages.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A message of the bundles, with its arguments (facts such as names and numbers). */
    Label message(String style, String key, Object... args) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(messages.text(key, args));
        return l;
    }

    Label message(String key) {
        return message("body-text", key);
    }

    /** Technical facts (names, paths, device texts) are shown as they are: not messages. */
    static Label data(String text, String style) {
        Label l = UiText.data(new Label(text));
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }
}
