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
        Path configDir = tmp.resolve("config");
        StoreConfig hall = POSTGRES.newDatabase();
        KioskConfig config = RuntimeFixtures.hallKiosk(configDir, hall);
        Path data = tmp.resolve("data");
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                Clock.systemUTC())) {
            assertThat(runtime.hallForwarding()).isPresent();
            runtime.services().ratings().rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            assertThat(Files.exists(data.resolve(JournalForwarding.JOURNAL_FILE + ".mv.db"))).isTrue();
            Poll.until(Duration.ofSeconds(30), "the rating forwarded",
                    () -> runtime.hallForwarding().orElseThrow().waiting() == 0);
            int ratings = RuntimeFixtures.count(runtime.store(), "SELECT COUNT(*) FROM rating");
            assertThat(ratings).isEqualTo(1);

            // a walk-in goes through the journal too (ADR 0173) and is in the hall's queue when the citizen is told
            var ticket = runtime.services().queue().walkIn("exit-entry").ticket();
            assertThat(ticket.queueKnown()).isTrue();
            assertThat(runtime.hallForwarding().orElseThrow().waiting()).isZero();
            String keyInHall = runtime.store().inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT record_key FROM queue_ticket")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(keyInHall).startsWith(config.kiosk().id() + ":");
            // the fleet's counts include what the journal's audit chain holds
            var fleet = new org.openkiosk.app.config.FleetSettings(java.net.URI.create("tcp://127.0.0.1:1883"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "r",
                    "h", config.kiosk().id(), Duration.ofSeconds(30), Duration.ofSeconds(20), java.util.List.of(),
                    Optional.empty(), 1000, 16 << 20);
            var telemetry = new org.openkiosk.app.fleet.RuntimeStatusSource(runtime, Optional.of(runtime.store()),
                    new org.openkiosk.app.maintenance.ServiceState(Clock.systemUTC()), fleet, configDir, data,
                    Clock.systemUTC()).telemetry();
            assertThat(telemetry.tickets()).isEqualTo(1L);
            assertThat(telemetry.ratings()).isEqualTo(1L);
        }
    }

    @Test
    void aHallKioskStartsWhileTheHallStoreIsAwayServesOfflineAndSaysSinceWhen() throws Exception {
        Path configDir = tmp.resolve("config");
        String url = POSTGRES.server().newDatabase();
        org.openkiosk.app.store.Stores.open(PostgresServer.storeConfig(url), tmp).close(); // the hall's schema exists
        try (org.openkiosk.testsupport.TcpProxy proxy = org.openkiosk.testsupport.TcpProxy.to("127.0.0.1",
                POSTGRES.server().port())) {
            StoreConfig hall = PostgresServer.storeConfig(
                    org.openkiosk.testsupport.EmbeddedPostgresServer.throughPort(url, proxy.port()));
            KioskConfig config = RuntimeFixtures.hallKiosk(configDir, hall);
            proxy.cut();
            java.time.Instant before = java.time.Instant.now();
            try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), false,
                    Clock.systemUTC())) {
                var status = runtime.hallForwarding().orElseThrow();
                assertThat(status.reachable()).isFalse();
                assertThat(status.unreachableSince().orElseThrow()).isAfterOrEqualTo(before.minusSeconds(1));
                assertThat(status.describe(java.time.ZoneOffset.UTC)).startsWith("store unreachable since ");
                // what works offline works: a rating is journalled and waits
                runtime.services().ratings().rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
                Poll.until(Duration.ofSeconds(30), "the rating waiting",
                        () -> runtime.hallForwarding().orElseThrow().waiting() == 1);
                assertThat(runtime.hallForwarding().orElseThrow().reachable()).isFalse();

                proxy.restore();
                Poll.until(Duration.ofSeconds(60), "the hall store back and the rating forwarded",
                        () -> runtime.hallForwarding().orElseThrow().reachable()
                                && runtime.hallForwarding().orElseThrow().waiting() == 0);
                int ratings = RuntimeFixtures.count(runtime.store(), "SELECT COUNT(*) FROM rating");
                assertThat(ratings).isEqualTo(1);
            }
        }
    }

    @Test
    void atStartUpACertificateAttemptLeftOpenByACrashIsSettled() throws Exception {
        Path configDir = tmp.resolve("config");
        StoreConfig hall = POSTGRES.newDatabase();
        KioskConfig config = RuntimeFixtures.hallKiosk(configDir, hall);
        // the kiosk died after reserving an attempt and before it noted a print job (ADR 0165)
        try (org.openkiosk.app.store.Store store = org.openkiosk.app.store.Stores.open(hall, tmp)) {
            store.inTransaction(c -> {
                try (var insert = c.prepareStatement("INSERT INTO certificate_print (certificate_type,"
                        + " certificate_number, holder_key, printed_at, kiosk_id, outcome) VALUES ('residence',"
                        + " 'JZZ202699000002', '" + "b".repeat(64) + "', ?, ?, 'PENDING')")) {
                    // reserved after the kiosk's journal began noting jobs (it is made at start, just below)
                    insert.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));
                    insert.setString(2, config.kiosk().id());
                    insert.executeUpdate();
                }
                return null;
            });
        }
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), false,
                Clock.systemUTC())) {
            Poll.until(Duration.ofSeconds(30), "the start-up reconciliation",
                    () -> runtime.printReconciliation().orElseThrow().failed() == 1);
            Poll.until(Duration.ofSeconds(30), "the open attempt settled at start-up",
                    () -> runtime.store().inTransaction(c -> {
                        try (var rs = c.createStatement().executeQuery(
                                "SELECT outcome FROM certificate_print WHERE certificate_number = 'JZZ202699000002'")) {
                            rs.next();
                            return rs.getString(1).equals("FAILED");
                        }
                    }));
        }
    }

    @Test
    void aHallStoreThatAnswersButRefusesStillStopsTheStart() throws Exception {
        Path configDir = tmp.resolve("config");
        String url = POSTGRES.server().newDatabase().replaceFirst("/kiosk_\\d+", "/no_such_database");
        KioskConfig config = RuntimeFixtures.hallKiosk(configDir, PostgresServer.storeConfig(url));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DefaultKioskRuntime.start(config, configDir,
                        tmp.resolve("data"), false, Clock.systemUTC()))
                .isInstanceOfSatisfying(RuntimeStartException.class,
                        e -> assertThat(e.code()).isEqualTo(RuntimeStartException.STORE));
    }
}
