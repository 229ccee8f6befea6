package org.openkiosk.app.ui.screens.maintenance;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.openkiosk.app.ui.i18n.Messages;

/** The serial ports section: where each device is configured, and the ports this machine has. */
final class PortsSection {

    private final MaintenanceViewModel model;
    private final MaintenanceWidgets widgets;
    private final Messages messages;

    PortsSection(MaintenanceViewModel model, MaintenanceWidgets widgets, Messages messages) {
        this.model = model;
        this.widgets = widgets;
        this.messages = messages;
    }

    List<Node> render(MaintenanceViewModel.Ports ports) {
        List<Node> nodes = new ArrayList<>();
        List<String> links = ports.configured().stream().map(this::line).toList();
        nodes.add(MaintenanceWidgets.data(String.join("\n", links), "body-text"));
        nodes.add(widgets.message("maint.ports.present"));
        Label present = ports.present().isEmpty() ? widgets.message("maint.ports.none")
                : MaintenanceWidgets.data(String.join("\n", ports.present()), "body-text");
        present.setId("maint-ports");
        nodes.add(present);
        nodes.add(widgets.button("maint.action.refresh", "maint-ports-refresh", model::showPorts));
        return nodes;
    }

    /** {@code receiptPrinter → escpos serial:/dev/ttyUSB0  [present]}; the state word from the bundle. */
    private String line(MaintenanceViewModel.PortLink link) {
        String where = link.device() + " → " + link.driver() + " " + link.uri();
        return link.present().map(p -> where + "  [" + messages.get(p ? "maint.ports.file.present"
                : "maint.ports.file.missing") + "]").orElse(where);
    }
}
