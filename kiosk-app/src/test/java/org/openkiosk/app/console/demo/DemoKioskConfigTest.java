package org.openkiosk.app.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.ConfigWriter;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.platform.DemoData;

/**
 * A fleet demo kiosk's copied configuration (ADR 0205): its {@code kiosk.yaml} names the demo kiosk and the demo hall
 * — the ids its runtime, its fleet link and the console's tile use — not the K-0101 / H-3101 of the installation's
 * file; the rest is the installation's configuration.
 */
class DemoKioskConfigTest {

    private static final Path INSTALLATION = Path.of("..", "config").toAbsolutePath().normalize();

    @Test
    void theCopiedKioskYamlNamesTheDemoKioskAndTheDemoHall(@TempDir Path tmp) throws Exception {
        KioskConfig installation = ConfigLoader.load(INSTALLATION);
        assertThat(installation.kiosk().id()).as("the premise: the installation's file names another kiosk")
                .isNotEqualTo("K-D2");

        Path copy = DemoHall.copyConfig(INSTALLATION, tmp.resolve("K-D2").resolve("config"), "K-D2");

        KioskConfig demo = ConfigLoader.load(copy);
        assertThat(demo.kiosk().id()).isEqualTo("K-D2");
        assertThat(demo.kiosk().hallId()).isEqualTo(DemoHall.HALL);
        assertThat(DemoHall.HALL).as("the hall whose counters and slots the demo store holds")
                .isEqualTo(DemoData.DEMO_HALL);
        String yaml = Files.readString(copy.resolve(ConfigLoader.KIOSK_FILE), StandardCharsets.UTF_8);
        assertThat(yaml).doesNotContain(installation.kiosk().id());
        assertThat(copy.resolve(ConfigWriter.PREVIOUS_FILE)).doesNotExist();
        assertThat(copy.resolve("services.yaml")).as("each runtime writes its own").doesNotExist();
        assertThat(demo.devices()).isEqualTo(installation.devices());
        assertThat(demo.kiosk().hallNameZh()).isEqualTo(installation.kiosk().hallNameZh());
        assertThat(ConfigLoader.load(INSTALLATION)).as("the installation's file is untouched").isEqualTo(installation);
    }
}
