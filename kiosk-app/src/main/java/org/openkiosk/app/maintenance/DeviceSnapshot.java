package org.openkiosk.app.maintenance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configured device as the technician sees it: where it is attached, its lifecycle state and health, what to do
 * about it, its counters and capabilities, and the last error it reported.
 */
public record DeviceSnapshot(String name, String deviceClass, String description, boolean required, String state,
                             String health, String healthText, String recommendedAction,
                             Map<String, Long> statistics, List<String> capabilities, Optional<String> lastError) {

    public DeviceSnapshot {
        statistics = Map.copyOf(statistics);
        capabilities = List.copyOf(capabilities);
    }

    public boolean usable() {
        return health.equals("ONLINE") || health.equals("BUSY");
    }
}
