package org.openkiosk.app.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
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

        assertThat(run("audit", "keygen", "--out", data.resolve("audit.key").toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("audit key").contains("keyFile: " + data.resolve("audit.key"));
        assertThat(Files.getPosixFilePermissions(data.resolve("audit.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(run("audit", "keygen", "--out", data.resolve("audit.key").toString()))
                .isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("never replaced");

        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data)) {
            AuditLog audit = new AuditLog(store, Clock.systemUTC(), "K-01", AuditKey.load(data.resolve("audit.key")),
                    Optional.of(new AuditHeadFile(data.resolve(AuditHeadFile.FILE_NAME))));
            RatingService ratings = new RatingService(store, audit, Clock.systemUTC(), "K-01");
            for (int i = 0; i < 3; i++) {
                ratings.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            }
        }
        Files.copy(data.resolve(AuditHeadFile.FILE_NAME), data.resolve("head-copy"));
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("checking against the published head").contains("3 records verified");

        // the newest record removed, the database's head row made to agree: only the published head shows it
        String link2;
        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT hash FROM audit_log WHERE seq = 2")) {
                rs.next();
                link2 = rs.getString(1);
            }
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 3");
            s.executeUpdate("UPDATE audit_head SET last_seq = 2, last_hash = '" + link2 + "'");
        }
        Files.delete(data.resolve(AuditHeadFile.FILE_NAME));
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("no published head");
        assertThat(run("audit", "verify", "--data", data.toString(), "--head", data.resolve("head-copy").toString()))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("BROKEN at record 3 (TRUNCATED)");

        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET kiosk_id = 'K-99' WHERE seq = 2");
        }
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("BROKEN at record 2 (ALTERED)");
    }

    @Test
    void archiveTheOldRecordsThenVerifyWithAndWithoutTheArchive() throws Exception {
        assertThat(run("audit", "keygen", "--out", data.resolve("audit.key").toString())).isEqualTo(ExitCodes.OK);
        java.time.Instant longAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(300));
        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data)) {
            AuditKey key = AuditKey.load(data.resolve("audit.key"));
            AuditHeadFile head = new AuditHeadFile(data.resolve(AuditHeadFile.FILE_NAME));
            RatingService old = new RatingService(store, new AuditLog(store, Clock.fixed(longAgo,
                    java.time.ZoneOffset.UTC), "K-01", key, Optional.of(head)), Clock.systemUTC(), "K-01");
            for (int i = 0; i < 4; i++) {
                old.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            }
            RatingService now = new RatingService(store, new AuditLog(store, Clock.systemUTC(), "K-01", key,
                    Optional.of(head)), Clock.systemUTC(), "K-01");
            now.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            now.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
        }
        Path archives = data.resolve("archives");
        assertThat(run("audit", "archive", "--data", data.toString(), "--out", archives.toString(),
                "--older-than", "30")).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("six months");

        // a run that stops before deleting (AuditArchiveException: a file in the way here; a read-back that differs
        // or records changed meanwhile in AuditArchiveContract) exits 1 with the technician's reason (docs/audit.md)
        Path file = archives.resolve("audit-archive-store-000000001-000000004.jsonl");
        Files.createDirectories(archives);
        Files.writeString(file, "someone's file");
        err.getBuffer().setLength(0);
        assertThat(run("audit", "archive", "--data", data.toString(), "--out", archives.toString()))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).startsWith("audit archive: ").contains("exists already")
                .contains("nothing archived or deleted");
        Files.delete(file);

        assertThat(run("audit", "archive", "--data", data.toString(), "--out", archives.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("archived records 1–4 to " + file).contains("deleted 4 records");
        assertThat(file).exists();

        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("records 1–4 were archived").contains("give --archive FILE")
                .contains("2 records verified");
        out.getBuffer().setLength(0);
        assertThat(run("audit", "verify", "--data", data.toString(), "--archive", file.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("6 records verified").contains("1 archive included")
                .doesNotContain("were archived");

        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\"seq\":2,\"at\":\"[^\"]+\"",
                "\"seq\":2,\"at\":\"" + longAgo.minusSeconds(60) + "\""));
        assertThat(run("audit", "verify", "--data", data.toString(), "--archive", file.toString()))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("BROKEN at record 2 (ALTERED): in the archive " + file);
        // nothing more is old enough
        out.getBuffer().setLength(0);
        assertThat(run("audit", "archive", "--data", data.toString(), "--out", archives.toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("nothing to archive");
    }

    @Test
    void reforwardSendsTheJournalSinceABackupAgain() {
        java.time.Instant start = java.time.Instant.now();
        try (Store local = Stores.open(new org.openkiosk.app.config.StoreConfig(Stores.EMBEDDED,
                data.resolve(org.openkiosk.app.store.journal.JournalForwarding.JOURNAL_FILE).toString(), null, null),
                data)) {
            var journal = new org.openkiosk.app.store.journal.Journal(local, java.time.Clock.systemUTC(), "K-05");
            for (int i = 0; i < 3; i++) {
                local.inTransaction(c -> journal.append(c, org.openkiosk.app.store.journal.RecordKind.RATING,
                        java.util.Map.of("service", "s", "level", "3")));
            }
            journal.markForwarded(journal.waiting(10), java.time.Instant.now());
        }
        assertThat(run("store", "reforward", "--data", data.toString(), "--config", data.resolve("none").toString(),
                "--since", start.minusSeconds(1).toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("3 records since");
        assertThat(run("store", "reforward", "--data", data.resolve("empty").toString(), "--since",
                start.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("no journal at");
    }

    @Test
    void auditVerifyChecksTheJournalsOwnChain() throws Exception {
        Path keyFile = data.resolve("audit.key");
        var key = org.openkiosk.app.service.audit.AuditKey.loadOrGenerate(keyFile);
        try (Store local = Stores.open(new org.openkiosk.app.config.StoreConfig(Stores.EMBEDDED,
                data.resolve(org.openkiosk.app.store.journal.JournalForwarding.JOURNAL_FILE).toString(), null, null),
                data)) {
            var audit = new org.openkiosk.app.service.audit.AuditLog(local, java.time.Clock.systemUTC(), "K-05", key,
                    java.util.Optional.empty());
            var ratings = new org.openkiosk.app.service.rating.RatingService(local, audit, java.time.Clock.systemUTC(),
                    "K-05");
            ratings.writeInto(new org.openkiosk.app.store.journal.Journal(local, java.time.Clock.systemUTC(), "K-05"),
                    audit);
            ratings.rate("exit-entry", org.openkiosk.app.service.rating.SatisfactionLevel.SATISFIED,
                    java.util.Optional.empty());
            ratings.rate("exit-entry", org.openkiosk.app.service.rating.SatisfactionLevel.SATISFIED,
                    java.util.Optional.empty());
        }
        String[] verify = {"audit", "verify", "--journal", "--data", data.toString(), "--config",
                data.resolve("none").toString(), "--key-file", keyFile.toString()};
        assertThat(run(verify)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 records verified");
        try (Store local = Stores.open(new org.openkiosk.app.config.StoreConfig(Stores.EMBEDDED,
                data.resolve(org.openkiosk.app.store.journal.JournalForwarding.JOURNAL_FILE).toString(), null, null),
                data)) {
            local.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE audit_log SET details = '{}' WHERE seq = 1"));
        }
        assertThat(run(verify)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("BROKEN at record 1");
    }

    @Test
    void theHeadTheFleetLinkPublishesCatchesTruncationThroughTheCommand() throws Exception {
        // what KioskFleet does: every new head from the trail's listener goes into the retained state as head.text()
        assertThat(run("audit", "keygen", "--out", data.resolve("audit.key").toString())).isEqualTo(ExitCodes.OK);
        java.util.List<String> retained = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data)) {
            AuditLog audit = new AuditLog(store, Clock.systemUTC(), "K-01", AuditKey.load(data.resolve("audit.key")),
                    Optional.empty()); // no head file on the kiosk: only the fleet link's copy exists
            audit.addHeadListener(head -> retained.add(head.text()));
            RatingService ratings = new RatingService(store, audit, Clock.systemUTC(), "K-01");
            for (int i = 0; i < 4; i++) {
                ratings.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            }
        }
        assertThat(retained).hasSize(4);
        Path saved = Files.writeString(data.resolve("retained-head.txt"), retained.get(retained.size() - 1));
        assertThat(run("audit", "verify", "--data", data.toString(), "--head", saved.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("(record 4, signed by kiosk K-01").contains("4 records verified");

        // an insider with database access removes the newest record and makes the head row agree
        try (Store store = Stores.open(new StoreConfig(Stores.EMBEDDED, null, null, null), data);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            String link3;
            try (var rs = s.executeQuery("SELECT hash FROM audit_log WHERE seq = 3")) {
                rs.next();
                link3 = rs.getString(1);
            }
            s.executeUpdate("DELETE FROM audit_log WHERE seq = 4");
            s.executeUpdate("UPDATE audit_head SET last_seq = 3, last_hash = '" + link3 + "'");
        }
        assertThat(run("audit", "verify", "--data", data.toString())).as("the database alone looks whole")
                .isEqualTo(ExitCodes.OK);
        assertThat(run("audit", "verify", "--data", data.toString(), "--head", saved.toString()))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains("audit trail BROKEN at record 4 (TRUNCATED)");
    }

    @Test
    void verifyWithoutTheKeyIsABadConfigurationNotANewKey() {
        assertThat(run("audit", "verify", "--data", data.toString())).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("audit.key").contains("does not exist");
        assertThat(Files.exists(data.resolve("audit.key"))).isFalse();
    }

    @Test
    void aKeyReadableByOthersIsRefused() throws Exception {
        Path key = data.resolve("open.key");
        Files.writeString(key, "ab".repeat(32));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("audit", "verify", "--data", data.toString(), "--key-file", key.toString()))
                .isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("can be read or written by others").contains("chmod 600");
    }

    @Test
    void servicesValidateListsEveryProblem() throws Exception {
        assertThat(run("services", "validate", "--config", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("built-in default").contains("exit-entry");
        Files.writeString(data.resolve("services.yaml"), """
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
