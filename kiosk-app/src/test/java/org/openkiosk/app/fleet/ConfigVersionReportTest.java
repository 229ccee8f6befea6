package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.maintenance.versions.ConfigVersions;

/** The fleet state's {@code versions.config}: the applied bundle's label, else a digest of kiosk.yaml (ADR 0126). */
class ConfigVersionReportTest {

    @Test
    void anAppliedBundlesLabelIsReported(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("kiosk.yaml"), "kiosk: {}\n");
        Files.writeString(config.resolve(ConfigVersions.LABEL_FILE), "2026-12-02.1\n");

        assertThat(RuntimeStatusSource.configVersion(config)).isEqualTo("2026-12-02.1");
    }

    @Test
    void withoutABundleTheDigestOfKioskYamlIsReported(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("kiosk.yaml"), "kiosk: {}\n");

        assertThat(RuntimeStatusSource.configVersion(config)).matches("[0-9a-f]{12}");
    }
}
