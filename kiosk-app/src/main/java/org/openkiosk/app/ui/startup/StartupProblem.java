package org.openkiosk.app.ui.startup;

import java.util.Objects;

/**
 * Why the kiosk cannot serve: a short code for the technician (shown on the out-of-service screen and logged)
 * and a plain description. Never carries citizen data or a stack trace.
 *
 * @param code   e.g. {@code E-CONFIG}, {@code E-DEV-idReader}
 * @param detail e.g. {@code config/kiosk.yaml:12 devices.idReader.driver: unknown driver "x"}
 */
public record StartupProblem(String code, String detail) {

    public static final String CONFIG = "E-CONFIG";

    public StartupProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** The code for a required device that is broken, e.g. {@code E-DEV-idReader}. */
    public static StartupProblem device(String logicalName, String detail) {
        return new StartupProblem("E-DEV-" + logicalName, detail);
    }
}
