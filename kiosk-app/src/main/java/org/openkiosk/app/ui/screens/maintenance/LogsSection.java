package org.openkiosk.app.ui.screens.maintenance;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** The logs section: the last lines of the kiosk log, full ID numbers masked. */
final class LogsSection {

    private final MaintenanceViewModel model;
    private final MaintenanceWidgets widgets;

    LogsSection(MaintenanceViewModel model, MaintenanceWidgets widgets) {
        this.model = model;
        this.widgets = widgets;
    }

    List<Node> render(MaintenanceViewModel.Logs logs) {
        Label text = logs.lines().isEmpty() ? widgets.message("maint.logs.none")
                : MaintenanceWidgets.data(String.join("\n", logs.lines()), "maint-small");
        text.setId("maint-log-lines");
        return List.of(MaintenanceWidgets.data(logs.file().toString(), "body-text"), text,
                widgets.button("maint.action.refresh", "maint-logs-refresh", model::showLogs));
    }
}
