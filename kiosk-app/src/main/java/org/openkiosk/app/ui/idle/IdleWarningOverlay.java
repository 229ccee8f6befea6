package org.openkiosk.app.ui.idle;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.i18n.Messages;

/**
 * The "还在吗？ / Still there?" overlay: dims the screen and counts down. Any touch on it (or its button)
 * counts as activity through the scene's filters, which hides it.
 */
public final class IdleWarningOverlay extends StackPane {

    private final LongProperty secondsLeft = new SimpleLongProperty(this, "secondsLeft");

    public IdleWarningOverlay(Messages messages) {
        getStyleClass().add("idle-overlay");
        setId("idle-overlay");
        Label title = new Label();
        title.textProperty().bind(messages.text("idle.title"));
        title.getStyleClass().add("dialog-title");
        Label countdown = new Label();
        countdown.setId("idle-countdown");
        countdown.textProperty().bind(messages.text("idle.countdown", secondsLeft));
        countdown.getStyleClass().add("body-text");
        countdown.setWrapText(true);
        Button stay = new Button();
        stay.setId("idle-stay");
        stay.textProperty().bind(messages.text("idle.stay"));
        stay.getStyleClass().add("primary-button");
        VBox card = new VBox(24, title, countdown, stay);
        card.getStyleClass().add("dialog-card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setVisible(false);
    }

    public void show(long seconds) {
        secondsLeft.set(seconds);
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
    }

    public long secondsLeft() {
        return secondsLeft.get();
    }
}
