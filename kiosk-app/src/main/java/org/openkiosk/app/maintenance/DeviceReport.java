package org.openkiosk.app.maintenance;

import java.util.List;

/** Plain-text device listing for the diagnostics bundle and the command line. */
public final class DeviceReport {

    private DeviceReport() {}

    public static String format(List<DeviceSnapshot> devices, List<String> serialPorts) {
        StringBuilder sb = new StringBuilder();
        for (DeviceSnapshot d : devices) {
            sb.append(d.name()).append(" (").append(d.deviceClass()).append(d.required() ? ", required" : ", optional")
                    .append(")\n");
            sb.append("  attached:     ").append(d.description()).append('\n');
            sb.append("  state:        ").append(d.state()).append('\n');
            sb.append("  health:       ").append(d.health()).append(" — ").append(d.healthText()).append('\n');
            if (!d.usable()) {
                sb.append("  action:       ").append(d.recommendedAction()).append('\n');
            }
            sb.append("  statistics:   ").append(d.statistics().isEmpty() ? "none" : d.statistics()).append('\n');
            sb.append("  capabilities: ").append(d.capabilities().isEmpty() ? "none" : String.join(", ", d.capabilities()))
                    .append('\n');
            sb.append("  last error:   ").append(d.lastError().orElse("none")).append('\n');
        }
        sb.append("serial ports:\n");
        if (serialPorts.isEmpty()) {
            sb.append("  none\n");
        }
        serialPorts.forEach(p -> sb.append("  ").append(p).append('\n'));
        return sb.toString();
    }
}
