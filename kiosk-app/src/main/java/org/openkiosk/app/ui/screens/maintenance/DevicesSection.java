package org.openkiosk.app.ui.screens.maintenance;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.openkiosk.app.maintenance.DeviceSnapshot;
import org.openkiosk.app.ui.i18n.Messages;

/** The devices section: a card per device with its live state, last error and its checks' buttons. */
final class DevicesSection {

    private final MaintenanceViewModel model;
    private final MaintenanceWidgets widgets;
    private final Messages messages;

    DevicesSection(MaintenanceViewModel model, MaintenanceWidgets widgets, Messages messages) {
        this.model = model;
        this.widgets = widgets;
        this.messages = messages;
    }

    List<Node> render(MaintenanceViewModel.Devices devices) {
        if (!devices.runtime()) {
            return List.of(widgets.message("maint.noRuntime"));
        }
        List<Node> cards = new ArrayList<>();
        for (DeviceSnapshot device : devices.devices()) {
            cards.add(card(device));
        }
        return cards;
    }

    private VBox card(DeviceSnapshot d) {
        Label name = widgets.message("maint-device-name", d.required() ? "maint.device.required" : "maint.device.optional",
                d.name(), d.deviceClass());
        name.setId("maint-device-" + d.name());
        Label attached = MaintenanceWidgets.data(d.description(), "body-text");
        Label health = MaintenanceWidgets.data(d.state() + " · " + d.health() + " · " + d.healthText(), "body-text");
        health.setId("maint-health-" + d.name());
        VBox card = new VBox(6, name, attached, health);
        if (!d.usable()) {
            card.getChildren().add(MaintenanceWidgets.data("→ " + d.recommendedAction(), "error-text"));
        }
        String none = messages.get("maint.device.none");
        card.getChildren().add(widgets.message("maint-small", "maint.device.details",
                d.statistics().isEmpty() ? none : d.statistics().toString(),
                d.capabilities().isEmpty() ? none : String.join(", ", d.capabilities())));
        Label lastError = d.lastError().isPresent()
                ? widgets.message("error-text", "maint.device.lastError", d.lastError().get())
                : widgets.message("maint-small", "maint.device.noError");
        lastError.setId("maint-last-error-" + d.name());
        card.getChildren().add(lastError);
        FlowPane buttons = new FlowPane(12, 12);
        if (model.hasChecks()) {
            model.testFor(d.name()).ifPresent(test -> buttons.getChildren().add(
                    checkButton(test.messageKey, d.name() + "-test", () -> model.runTest(d.name()))));
            buttons.getChildren().add(checkButton("maint.device.check", d.name() + "-check",
                    () -> model.runDeviceCheck(d.name())));
        }
        card.getChildren().add(buttons);
        card.getStyleClass().add("maint-card");
        return card;
    }

    private Button checkButton(String key, String id, Runnable check) {
        Button b = widgets.button(key, "maint-" + id, check);
        b.setMaxWidth(Button.USE_COMPUTED_SIZE);
        b.disableProperty().bind(model.checkRunningProperty());
        return b;
    }
}
