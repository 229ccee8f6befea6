package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.runtime.AuditTrailSetup;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.service.audit.AuditHead;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.testsupport.MosquittoBroker;
import picocli.CommandLine;

/**
 * The hall journal's audit chain head on the fleet link (ADR 0163): a hall kiosk publishes it retained through a
 * real Mosquitto with the example ACL; after the newest journal records and the kiosk's own head file were
 * deleted, {@code audit verify --journal} alone cannot tell, and with the fleet's copy it names the cut.
 */
class JournalHeadOnTheFleetLinkTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void deletingTheNewestJournalRecordsIsDetectedWithTheHeadFromTheFleetLink() throws Exception {
        Path configDir = tmp.resolve("config");
        StoreConfig hall = POSTGRES.newDatabase();
        KioskConfig config = RuntimeFixtures.hallKiosk(configDir, hall);
        Path data = tmp.resolve("data");
        String headTopic;
        MqttProbe.Received retained;
        try (MosquittoBroker broker = FleetLinkMosquittoTest.hallBroker(tmp.resolve("broker")).start();
             DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                     Clock.systemUTC())) {
            FleetSettings settings = FleetLinkMosquittoTest.settings(broker.uri(), "K-A", tmp.resolve("queue"),
                    Duration.ofSeconds(1));
            try (KioskFleet fleet = KioskFleet.start(settings, runtime, Optional.of(runtime.store()), configDir, data,
                    Clock.systemUTC(), name -> "pw-a", code -> { });
                 MqttProbe operator = new MqttProbe(broker.port(), "operator", "pw-op",
                         fleet.link().topics().root() + "/audit-head/+")) {
                headTopic = fleet.link().topics().auditHead("journal");
                for (int i = 0; i < 3; i++) {
                    runtime.services().ratings().rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
                }
                retained = operator.await(headTopic, payload -> AuditHead.parse(payload).seq() == 3);
            }
        }
        AuditHead fromFleet = AuditHead.parse(retained.payload());
        assertThat(fromFleet.kioskId()).isEqualTo(config.kiosk().id());
        Path fleetCopy = tmp.resolve("journal-head-from-the-fleet");
        Files.writeString(fleetCopy, retained.payload(), StandardCharsets.UTF_8);

        // someone with the kiosk's disk removes the newest rating's audit record, and the kiosk's own head file
        try (Store journal = Stores.open(new StoreConfig(Stores.EMBEDDED,
                data.resolve(JournalForwarding.JOURNAL_FILE).toString(), null, null), data)) {
            journal.inTransaction(c -> {
                c.createStatement().executeUpdate("DELETE FROM audit_log WHERE seq = 3");
                return c.createStatement().executeUpdate("UPDATE audit_head SET last_seq = 2, last_hash ="
                        + " (SELECT hash FROM audit_log WHERE seq = 2) WHERE id = 1");
            });
        }
        Files.delete(data.resolve(AuditTrailSetup.JOURNAL_HEAD_FILE));

        List<String> verify = List.of("audit", "verify", "--journal", "--data", data.toString(), "--config",
                tmp.resolve("none").toString(), "--key-file", data.resolve("audit.key").toString());
        Run alone = run(verify);
        assertThat(alone.exit()).as(alone.err()).isEqualTo(ExitCodes.OK);
        assertThat(alone.out()).contains("removal of the newest records cannot be ruled out");

        Run withFleetCopy = run(concat(verify, "--head", fleetCopy.toString()));
        assertThat(withFleetCopy.exit()).as(withFleetCopy.out()).isEqualTo(ExitCodes.FAILURE);
        assertThat(withFleetCopy.err()).contains("BROKEN at record 3").contains("TRUNCATED");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
