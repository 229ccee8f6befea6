package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.testsupport.Poll;

/** A kiosk started on a hall PostgreSQL journals its ratings under the data directory and forwards them. */
class HallKioskRuntimeTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void aHallKioskJournalsAndForwards() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig repo = ConfigLoader.load(configDir);
        StoreConfig hall = POSTGRES.newDatabase();
        KioskConfig config = new KioskConfig(repo.kiosk(), repo.ui(), repo.devices(), hall);
        Path data = tmp.resolve("data");
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                Clock.systemUTC())) {
            assertThat(runtime.hallForwarding()).isPresent();
            runtime.services().ratings().rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            assertThat(Files.exists(data.resolve(JournalForwarding.JOURNAL_FILE + ".mv.db"))).isTrue();
            Poll.until(Duration.ofSeconds(30), "the rating forwarded",
                    () -> runtime.hallForwarding().orElseThrow().waiting() == 0);
            int ratings = runtime.store().inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM rating")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(ratings).isEqualTo(1);
        }
    }
}
