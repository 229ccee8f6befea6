package org.openkiosk.app.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the kiosk keeps logs and the embedded store: {@code --data DIR}, else {@code $KIOSK_DATA}, else
 * {@code ${kiosk.home}/data}, else {@code ./data}.
 */
public final class DataDirectory {

    public static final String ENVIRONMENT_VARIABLE = "KIOSK_DATA";

    private DataDirectory() {}

    /** @param cliOption the {@code --data} value, or {@code null} when not given */
    public static Path resolve(String cliOption) {
        return resolve(cliOption, System::getenv, System.getProperty("kiosk.home"));
    }

    static Path resolve(String cliOption, UnaryOperator<String> environment, String kioskHome) {
        return Directories.resolve(cliOption, environment.apply(ENVIRONMENT_VARIABLE), kioskHome, "data");
    }
}
