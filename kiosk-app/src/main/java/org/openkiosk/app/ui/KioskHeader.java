package org.openkiosk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.openkiosk.app.config.KioskIdentity;
import org.openkiosk.app.ui.widgets.ClockLabel;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Messages;

/**
 * The band across the top of every screen: hall name, clock, the demo flag, and the language and elder-mode
 * toggles, so a citizen can change them on any screen.
 */
public final class KioskHeader extends HBox {

    public KioskHeader(UiContext ctx) {
        Messages messages = ctx.messages();
        getStyleClass().add("kiosk-header");
        setAlignment(Pos.CENTER_LEFT);

        KioskIdentity identity = ctx.config().kiosk();
        Label hall = UiText.data(new Label());
        hall.setId("hall-name");
        hall.getStyleClass().add("hall-name");
        hall.textProperty().bind(Bindings.createStringBinding(
                () -> identity.hallName(messages.language().code()), messages.languageProperty()));
        ClockLabel clock = new ClockLabel(ctx.clock(), messages);
        // the clock is never shortened; a long hall name gives way instead
        clock.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox titles = new VBox(4, hall, clock);
        // the hall name may shorten on a narrow screen; the toggles a citizen needs must never be cut off
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.SOMETIMES);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(titles, spacer);

        if (ctx.demo()) {
            Label demo = new Label();
            demo.setId("demo-flag");
            demo.getStyleClass().add("demo-flag");
            demo.textProperty().bind(messages.text("demo.flag"));
            getChildren().add(demo);
        } else if (ctx.config().kiosk().testInstallation()) { // may run on simulators: say so, like the demo
            Label test = new Label();
            test.setId("test-installation-flag");
            test.getStyleClass().add("demo-flag");
            test.textProperty().bind(messages.text("test.flag"));
            getChildren().add(test);
        }

        ToggleButton elder = new ToggleButton();
        elder.setId("toggle-elder");
        elder.getStyleClass().add("header-toggle");
        elder.selectedProperty().bindBidirectional(ctx.elderModeProperty());
        elder.textProperty().bind(Bindings.when(elder.selectedProperty())
                .then(messages.text("toggle.elder.off")).otherwise(messages.text("toggle.elder.on")));

        Button language = new Button();
        language.setId("toggle-language");
        language.getStyleClass().add("header-toggle");
        language.textProperty().bind(messages.text("toggle.language"));
        language.setOnAction(e -> messages.setLanguage(messages.language().other()));

        getChildren().addAll(elder, language);
        if (ctx.helpCall() != null) {
            getChildren().add(getChildren().indexOf(elder), new org.openkiosk.app.ui.HelpCallButton(ctx, ctx.helpCall()));
        }
        if (ctx.voice() != null) {
            ToggleButton voice = new ToggleButton();
            voice.setId("toggle-voice");
            voice.getStyleClass().add("header-toggle");
            voice.selectedProperty().bindBidirectional(ctx.voice().onProperty());
            voice.textProperty().bind(Bindings.when(voice.selectedProperty())
                    .then(messages.text("toggle.voice.off")).otherwise(messages.text("toggle.voice.on")));
            getChildren().add(getChildren().indexOf(elder), voice);
        }
        for (javafx.scene.Node child : getChildren()) {
            if (child instanceof javafx.scene.control.Labeled labeled) {
                labeled.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        setSpacing(20);
        org.openkiosk.app.ui.screens.maintenance.MaintenanceGesture.install(this, ctx);
    }
}
