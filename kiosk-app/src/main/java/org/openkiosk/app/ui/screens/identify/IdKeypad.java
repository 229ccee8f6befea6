package org.openkiosk.app.ui.screens.identify;

import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.openkiosk.app.ui.i18n.Messages;

/** A large telephone-order keypad: 1–9, X, 0, ⌫; keys disabled where they would make no sense. */
public final class IdKeypad extends GridPane {

    public IdKeypad(IdEntryViewModel model, Messages messages) {
        getStyleClass().add("keypad");
        for (int c = 0; c < 3; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            getColumnConstraints().add(column);
        }
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "⌫"};
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Button b = org.openkiosk.app.ui.i18n.UiText.data(new Button(k));
            b.getStyleClass().add("keypad-key");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMaxHeight(Double.MAX_VALUE);
            GridPane.setHgrow(b, Priority.ALWAYS);
            GridPane.setVgrow(b, Priority.ALWAYS);
            switch (k) {
                case "X" -> {
                    b.setId("key-X");
                    b.disableProperty().bind(model.xAllowed().not());
                    b.setOnAction(e -> model.press('X'));
                }
                case "⌫" -> {
                    b.setId("key-backspace");
                    b.getStyleClass().add("keypad-word"); // a word, not a digit: smaller type so it is never cut
                    b.textProperty().bind(messages.text("identify.key.backspace"));
                    b.setOnAction(e -> model.backspace());
                }
                default -> {
                    b.setId("key-" + k);
                    b.disableProperty().bind(model.digitAllowed().not());
                    b.setOnAction(e -> model.press(k.charAt(0)));
                }
            }
            add(b, i % 3, i / 3);
        }
    }
}
