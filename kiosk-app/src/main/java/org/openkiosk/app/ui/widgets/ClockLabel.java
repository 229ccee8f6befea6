package org.openkiosk.app.ui.widgets;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.util.Duration;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Messages;

/** Date and time, refreshed every second by a {@link Timeline} (no threads); pattern from the bundle. */
public final class ClockLabel extends Label {

    private final Clock clock;
    private final Messages messages;
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));

    public ClockLabel(Clock clock, Messages messages) {
        this.clock = clock;
        this.messages = messages;
        setId("clock");
        getStyleClass().add("clock");
        UiText.data(this);
        timeline.setCycleCount(Animation.INDEFINITE);
        messages.languageProperty().addListener((obs, old, now) -> refresh());
        // run only while on screen, so a dropped screen leaves no timeline behind
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timeline.stop();
            } else {
                refresh();
                timeline.play();
            }
        });
        refresh();
    }

    public void refresh() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(messages.get("clock.pattern"),
                messages.language().locale());
        setText(ZonedDateTime.now(clock).format(format));
    }
}
