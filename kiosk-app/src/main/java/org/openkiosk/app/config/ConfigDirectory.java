package org.openkiosk.app.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the configuration directory is: {@code --config DIR}, else {@code $KIOSK_CONFIG}, else
 * {@code ${kiosk.home}/config} (the {@code ./kiosk} launcher sets {@code kiosk.home}), else {@code ./config}.
 */
public final class ConfigDirectory {

    public static final String ENVIRONMENT_VARIABLE = "KIOSK_CONFIG";

    private ConfigDirectory() {}

    /** @param cliOption the {@code --config} value, or {@code null} when not given */
    public static Path resolve(String cliOption) {
        return resolve(cliOption, System::getenv, System.getProperty("kiosk.home"));
    }

    static Path resolve(String cliOption, UnaryOperator<String> environment, String kioskHome) {
        return Directories.resolve(cliOption, environment.apply(ENVIRONMENT_VARIABLE), kioskHome, "config");
    }
}
