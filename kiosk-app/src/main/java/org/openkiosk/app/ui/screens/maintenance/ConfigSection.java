package org.openkiosk.app.ui.screens.maintenance;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The configuration section: the directory, its validation with every problem, and the voice volume. */
final class ConfigSection {

    private final MaintenanceViewModel model;
    private final MaintenanceWidgets widgets;

    ConfigSection(MaintenanceViewModel model, MaintenanceWidgets widgets) {
        this.model = model;
        this.widgets = widgets;
    }

    List<Node> render(MaintenanceViewModel.Config config) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(MaintenanceWidgets.data(config.directory().toString(), "body-text"));
        nodes.add(widgets.message("maint.config.hint"));
        nodes.add(widgets.button("maint.config.validate", "maint-config-validate", model::validateConfig));
        if (model.hasVoice()) {
            nodes.add(voiceVolume());
        }
        config.problems().ifPresent(problems -> {
            Label verdict = problems.isEmpty() ? widgets.message("maint.config.valid")
                    : widgets.message("error-text", "maint.config.invalid", problems.size());
            verdict.setId("maint-config-verdict");
            nodes.add(verdict);
            if (!problems.isEmpty()) {
                nodes.add(MaintenanceWidgets.data(String.join("\n", problems), "error-text"));
            }
        });
        config.failure().ifPresent(failure -> nodes.add(MaintenanceWidgets.data(failure, "error-text")));
        return nodes;
    }

    /** Spoken guidance volume: applied at once, kept in kiosk.yaml (ui.voice.volume) when the file has that line. */
    private VBox voiceVolume() {
        Label value = MaintenanceWidgets.data("", "screen-subtitle");
        value.textProperty().bind(Bindings.convert(model.volumeProperty()));
        value.setId("maint-voice-volume");
        Button quieter = widgets.button("maint.voice.quieter", "maint-voice-quieter",
                () -> model.changeVolume(-MaintenanceViewModel.VOLUME_STEP));
        Button louder = widgets.button("maint.voice.louder", "maint-voice-louder",
                () -> model.changeVolume(MaintenanceViewModel.VOLUME_STEP));
        Button test = widgets.button("maint.voice.test", "maint-voice-test", model::tryVoice);
        for (Button b : List.of(quieter, louder, test)) {
            b.setMaxWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(16, quieter, value, louder, test);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, widgets.message("maint.voice.title"), row);
        box.getStyleClass().add("maint-card");
        return box;
    }
}
