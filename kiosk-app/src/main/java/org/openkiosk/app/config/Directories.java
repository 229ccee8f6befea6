package org.openkiosk.app.config;

import java.nio.file.Path;

/** The shared precedence of {@link ConfigDirectory} and {@link DataDirectory}. */
final class Directories {

    private Directories() {}

    static Path resolve(String cliOption, String environmentValue, String kioskHome, String subdirectory) {
        if (cliOption != null && !cliOption.isBlank()) {
            return Path.of(cliOption).toAbsolutePath().normalize();
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return Path.of(environmentValue).toAbsolutePath().normalize();
        }
        if (kioskHome != null && !kioskHome.isBlank()) {
            return Path.of(kioskHome, subdirectory).toAbsolutePath().normalize();
        }
        return Path.of(subdirectory).toAbsolutePath().normalize();
    }
}
