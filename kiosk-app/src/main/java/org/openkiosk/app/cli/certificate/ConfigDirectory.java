package org.openkiosk.app.cli.certificate;

import java.nio.file.Files;
import java.nio.file.Path;

/** The configuration directory: {@code --config DIR}, else {@code $kiosk.home/config}, else {@code ./config}. */
final class ConfigDirectory {

    private ConfigDirectory() {}

    static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String home = System.getProperty("kiosk.home");
        if (home != null && Files.isDirectory(Path.of(home, "config"))) {
            return Path.of(home, "config");
        }
        return Path.of("config");
    }
}
