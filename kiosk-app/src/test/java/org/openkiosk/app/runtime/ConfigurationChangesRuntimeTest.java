package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;

/**
 * The real kiosk start records configuration changes in the keyed audit trail (issue 15, ADR 0068): the configuration
 * it first starts with, a change noted by {@code kiosk config apply}, and nothing when a restart finds the same
 * configuration — so a false alarm does not bury a real one.
 */
class ConfigurationChangesRuntimeTest {

    @TempDir
    Path tmp;

    @Test
    void eachStartRecordsWhatChangedSinceTheLastAndNothingWhenNothingDid() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        Path dataDir = tmp.resolve("data");

        List<String> first = startAndReadChanges(configDir, dataDir);
        assertThat(first).singleElement().asString().contains(" config:config how=first-recorded;sha256=");

        // the same record (same sequence number), and no new one
        assertThat(startAndReadChanges(configDir, dataDir)).as("same configuration, restarted").isEqualTo(first);

        Path yaml = configDir.resolve(ConfigLoader.KIOSK_FILE);
        Files.writeString(yaml, Files.readString(yaml) + "\n# applied bundle\n");
        ConfigurationChanges.note(dataDir, Instant.parse("2026-12-02T10:00:00Z"), ConfigurationChanges.APPLIED,
                "0002 v2");
        List<String> third = startAndReadChanges(configDir, dataDir);

        assertThat(third).hasSize(2);
        assertThat(third.get(0)).isEqualTo(first.get(0));
        assertThat(third.get(1)).endsWith(" config:config changedAt=2026-12-02T10:00:00Z;how=apply;sha256="
                + ConfigurationChanges.digest(configDir) + ";version=0002 v2");
        assertThat(third.get(1)).doesNotContain(first.get(0).substring(first.get(0).indexOf("sha256=")));
    }

    /** Starts the demo kiosk on these directories, checks its trail and returns its configuration records. */
    private static List<String> startAndReadChanges(Path configDir, Path dataDir) throws Exception {
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(ConfigLoader.load(configDir), configDir, dataDir,
                true, Clock.systemUTC())) {
            assertThat(runtime.services().audit().verify().intact()).isTrue();
            return runtime.store().inTransaction(c -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, subject, details FROM audit_log"
                        + " WHERE action = 'CONFIGURATION_CHANGED' ORDER BY seq");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    }
                }
                return rows;
            });
        }
    }
}
