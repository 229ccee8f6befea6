package org.openkiosk.app.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.rating.RatingService;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import picocli.CommandLine;

/** {@code kiosk store …} and {@code kiosk audit verify} on a real embedded store in a temporary data directory. */
class StoreAndAuditCommandsTest {

    @TempDir
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void migrateSeedAndVerifyATamperedTrail() throws Exception {
        assertThat(run("store", "migrate", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("schema is up to date");
        assertThat(run("store", "seed-demo", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("demo data added").doesNotContain("11010519491231002X");
        assertThat(run("store", "seed-demo", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("left unchanged");

        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data)) {
            RatingService ratings = new RatingService(store, new AuditLog(store, Clock.systemUTC(), "K-01"),
                    Clock.systemUTC(), "K-01");
            for (int i = 0; i < 3; i++) {
                ratings.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            }
        }
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("3 records verified");

        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET kiosk_id = 'K-99' WHERE seq = 2");
        }
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("BROKEN at record 2");
    }

    @Test
    void servicesValidateListsEveryProblem() throws Exception {
        assertThat(run("services", "validate", "--config", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("built-in default").contains("exit-entry");
        java.nio.file.Files.writeString(data.resolve("services.yaml"), """
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services:
                  - {code: x, titleZh: 甲, titleEn: X, counterType: x, ticketPrefix: A, averageServiceMinutes: 0}
                certificates:
                  - {type: residence, numberPrefix: J, reprintLimit: 0}
                """);
        assertThat(run("services", "validate", "--config", data.toString())).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("averageServiceMinutes").contains("numberPrefix");
    }

    @Test
    void anUnreachableDatabaseIsOutOfService() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(run("audit", "verify", "--store-url", "jdbc:postgresql://127.0.0.1:" + port + "/kiosk"))
                .isEqualTo(ExitCodes.OUT_OF_SERVICE);
        assertThat(err.toString()).contains("cannot be opened");
    }
}
