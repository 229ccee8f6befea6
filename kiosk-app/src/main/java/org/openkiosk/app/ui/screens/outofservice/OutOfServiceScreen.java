package org.openkiosk.app.ui.screens.outofservice;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;

/**
 * "暂停服务 / Out of service": one big plain message in both languages (the configuration that would say
 * which language may be the broken thing), the technician's code, and the retry countdown. Never a stack
 * trace, never blank.
 */
public final class OutOfServiceScreen implements Screen {

    public static final String ID = "out-of-service";

    private final OutOfServiceViewModel model;
    private final Messages messages = new Messages(Language.ZH);
    private final Timeline ticker;
    private VBox view;

    public OutOfServiceScreen(OutOfServiceViewModel model) {
        this.model = model;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean idleTimed() {
        return false;
    }

    public OutOfServiceViewModel model() {
        return model;
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    @Override
    public void onShow() {
        ticker.play();
    }

    @Override
    public void onHide() {
        ticker.stop();
        model.stop();
    }

    private VBox build() {
        Label titleZh = text(Language.ZH, "oos.title", "oos-title");
        Label titleEn = text(Language.EN, "oos.title", "oos-title-en");
        Label adviceZh = text(Language.ZH, "oos.advice", "body-text");
        Label adviceEn = text(Language.EN, "oos.advice", "body-text");
        Label code = UiText.data(new Label());
        code.setId("oos-code");
        code.getStyleClass().add("oos-code");
        code.textProperty().bind(Bindings.createStringBinding(model::codes, model.problemsProperty()));
        Label retry = new Label();
        retry.setId("oos-retry");
        retry.getStyleClass().add("oos-retry");
        retry.textProperty().bind(Bindings.createStringBinding(() -> model.retryingProperty().get()
                        ? messages.format(Language.ZH, "oos.retrying") + " / " + messages.format(Language.EN, "oos.retrying")
                        : messages.format(Language.ZH, "oos.retry.in", model.secondsToRetryProperty().get())
                        + " / " + messages.format(Language.EN, "oos.retry.in", model.secondsToRetryProperty().get()),
                model.retryingProperty(), model.secondsToRetryProperty()));
        UiText.data(retry); // two languages joined: checked by the out-of-service test instead
        Label details = UiText.data(new Label());
        details.setId("oos-details");
        details.getStyleClass().add("oos-details");
        details.setWrapText(true);
        details.textProperty().bind(Bindings.createStringBinding(() -> model.problemsProperty().get().stream()
                .limit(5).map(p -> p.code() + "  " + p.detail())
                .reduce((a, b) -> a + "\n" + b).orElse(""), model.problemsProperty()));
        VBox box = new VBox(24, titleZh, titleEn, adviceZh, adviceEn, code, retry, details);
        box.getStyleClass().addAll("screen", "oos-screen");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Label text(Language language, String key, String style) {
        Label l = new Label(messages.format(language, key));
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}
