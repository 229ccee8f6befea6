package org.openkiosk.app.runtime;

import org.openkiosk.device.HealthStatus;

/**
 * A required device that is not usable: the code shown to the technician ({@code E-DEV-idReader}) and the
 * device's own health text and recommended action.
 */
public record DeviceProblem(String logicalName, HealthStatus health) {

    public String code() {
        return "E-DEV-" + logicalName;
    }
}
