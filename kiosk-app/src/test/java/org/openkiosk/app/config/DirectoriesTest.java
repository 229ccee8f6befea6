package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoriesTest {

    private static final Map<String, String> ENV = Map.of("KIOSK_CONFIG", "/etc/kiosk", "KIOSK_DATA", "/var/lib/kiosk");

    @Test
    void theCommandLineOptionWinsOverEverything() {
        assertThat(ConfigDirectory.resolve("/srv/cfg", ENV::get, "/opt/kiosk")).isEqualTo(Path.of("/srv/cfg"));
        assertThat(DataDirectory.resolve("/srv/data", ENV::get, "/opt/kiosk")).isEqualTo(Path.of("/srv/data"));
    }

    @Test
    void theEnvironmentComesNext() {
        assertThat(ConfigDirectory.resolve(null, ENV::get, "/opt/kiosk")).isEqualTo(Path.of("/etc/kiosk"));
        assertThat(DataDirectory.resolve(null, ENV::get, "/opt/kiosk")).isEqualTo(Path.of("/var/lib/kiosk"));
    }

    @Test
    void thenTheLaunchersHomeThenTheWorkingDirectory() {
        assertThat(ConfigDirectory.resolve(null, name -> null, "/opt/kiosk")).isEqualTo(Path.of("/opt/kiosk/config"));
        assertThat(DataDirectory.resolve("", name -> null, "/opt/kiosk")).isEqualTo(Path.of("/opt/kiosk/data"));
        assertThat(ConfigDirectory.resolve(null, name -> null, null)).isEqualTo(Path.of("config").toAbsolutePath());
        assertThat(DataDirectory.resolve(null, name -> null, null)).isEqualTo(Path.of("data").toAbsolutePath());
    }
}
