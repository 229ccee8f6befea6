package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.rating.RatingService;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.app.store.journal.JournalSnapshots;
import org.openkiosk.testsupport.Poll;

/**
 * {@code ./kiosk audit verify --journal} as its own process while the real kiosk runs as another (ADR 0164): the
 * kiosk ({@code kiosk run --headless} on a hall store) holds its journal's H2 file; the command — a second JVM, as a
 * technician would run it — checks the copy the kiosk makes over {@code DATA/kiosk-journal.sock}, names the records
 * it verified and, after a record was edited, the broken one.
 */
class JournalVerifyFromAnotherProcessTest {

    static final String KIOSK = "K-0101"; // the repository configuration's kiosk

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void verifyFromAnotherProcessNamesTheCountAndABrokenRecord() throws Exception {
        Path config = hallConfig();
        Path data = Files.createDirectories(tmp.resolve("data"));
        AuditKey key = AuditKey.loadOrGenerate(data.resolve("audit.key")); // the key the kiosk finds at its start
        Path journalFile = data.resolve(JournalForwarding.JOURNAL_FILE);
        try (Store journal = Stores.open(new StoreConfig(Stores.EMBEDDED, journalFile.toString(), null, null), data)) {
            AuditLog audit = new AuditLog(journal, Clock.systemUTC(), KIOSK, key,
                    Optional.of(new AuditHeadFile(data.resolve(AuditTrailSetup.JOURNAL_HEAD_FILE))));
            RatingService ratings = new RatingService(journal, audit, Clock.systemUTC(), KIOSK);
            ratings.writeInto(new Journal(journal, Clock.systemUTC(), KIOSK), audit);
            for (int i = 0; i < 3; i++) {
                ratings.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            }
        }
        List<String> verify = List.of("audit", "verify", "--journal", "--data", data.toString(), "--config",
                tmp.resolve("none").toString(), "--key-file", data.resolve("audit.key").toString());

        Process kiosk = startKiosk(config, data, "kiosk-1.log");
        try {
            awaitSnapshots(kiosk, data, "kiosk-1.log");
            Run intact = kioskCommand(verify);
            assertThat(intact.exit()).as(intact.output()).isEqualTo(ExitCodes.OK);
            assertThat(intact.output()).contains("the kiosk is running: checking a consistent copy")
                    .contains("audit trail intact: 3 records verified with key " + key.id());
            assertThat(kiosk.isAlive()).isTrue();
        } finally {
            stop(kiosk);
        }

        // record 2 edited while the kiosk was stopped (an insider with the file); the kiosk starts again regardless
        try (Store journal = Stores.open(new StoreConfig(Stores.EMBEDDED, journalFile.toString(), null, null), data)) {
            journal.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE audit_log SET details = 'level=VERY_SATISFIED' WHERE seq = 2"));
        }
        kiosk = startKiosk(config, data, "kiosk-2.log");
        try {
            awaitSnapshots(kiosk, data, "kiosk-2.log");
            Run broken = kioskCommand(verify);
            assertThat(broken.exit()).as(broken.output()).isEqualTo(ExitCodes.FAILURE);
            assertThat(broken.output()).contains("the kiosk is running")
                    .contains("audit trail BROKEN at record 2 (ALTERED)");
        } finally {
            stop(kiosk);
        }
    }

    /** The repository's configuration on the test's PostgreSQL (a test installation: the server speaks no TLS). */
    private Path hallConfig() throws Exception {
        Path config = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        StoreConfig store = POSTGRES.newDatabase();
        Path yaml = config.resolve("kiosk.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        assertThat(text).contains("kiosk:\n").containsPattern("(?m)^  type: embedded.*$");
        text = text.replaceFirst("kiosk:\n", "kiosk:\n  testInstallation: true\n")
                .replaceFirst("(?m)^  type: embedded.*$", "  type: postgresql\n  url: " + store.url() + "\n  user: "
                        + store.user() + "\n  password: \"" + (store.password() == null ? "" : store.password())
                        + "\"");
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return config;
    }

    private Process startKiosk(Path config, Path data, String logName) throws IOException {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(List.of("--data", data.toString(), "run", "--headless", "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(logName).toFile());
        pb.environment().remove("NOTIFY_SOCKET");
        return pb.start();
    }

    /**
     * The kiosk serves journal copies once its journal is open. Its last start-up line is awaited, not the socket
     * file: the file appears at bind(), a moment before the socket listens (a command connecting then is refused).
     */
    private void awaitSnapshots(Process kiosk, Path data, String logName) throws IOException {
        Path log = tmp.resolve(logName);
        Pattern lastStartUpLine = Pattern.compile("(?m)^kiosk: first screen shown: .*\n"); // its end written too
        Poll.until(Duration.ofSeconds(120), "the kiosk's first screen, its journal open (log: " + log + ")",
                () -> !kiosk.isAlive() || lastStartUpLine.matcher(read(log)).find());
        assertThat(kiosk.isAlive()).as(Files.readString(log)).isTrue();
        assertThat(data.resolve(JournalSnapshots.SOCKET_FILE)).exists();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private record Run(int exit, String output) {}

    /** The kiosk program as a second process, the way a technician runs {@code ./kiosk …}. */
    private Run kioskCommand(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(args);
        Path out = Files.createTempFile(tmp, "command", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Run(p.exitValue(), Files.readString(out));
    }

    private static List<String> javaCommand() {
        return List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true",
                "-Dkiosk.home=" + Paths.get("..").toAbsolutePath().normalize(),
                "-cp", System.getProperty("java.class.path"), "org.openkiosk.app.Main");
    }

    private static void stop(Process kiosk) throws InterruptedException {
        kiosk.destroy(); // SIGTERM: the kiosk's clean stop (ADR 0102)
        if (!kiosk.waitFor(60, TimeUnit.SECONDS)) {
            kiosk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
