package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.app.store.journal.JournalSnapshots;
import picocli.CommandLine;

/**
 * {@code ./kiosk audit verify --journal} while a hall kiosk runs (ADR 0164): the runtime holds the journal's H2 file,
 * so the command checks a consistent copy the kiosk makes on request over its Unix socket — the live journal, with
 * the key and head of the command, not the kiosk's word.
 */
class JournalVerifyWhileRunningTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void verifyChecksTheRunningKiosksJournal() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig repo = ConfigLoader.load(configDir);
        KioskConfig config = new KioskConfig(repo.kiosk(), repo.ui(), repo.devices(), POSTGRES.newDatabase());
        Path data = tmp.resolve("data");
        String[] verify = {"audit", "verify", "--journal", "--data", data.toString(), "--config",
                tmp.resolve("none").toString(), "--key-file", data.resolve("audit.key").toString()};
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                Clock.systemUTC())) {
            runtime.services().ratings().rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            runtime.services().ratings().rate("household", SatisfactionLevel.DISSATISFIED, Optional.empty());

            // the premise: the running kiosk holds the journal file's lock (H2 locks the whole file; another
            // process trying to open it is refused — in this JVM the same lock shows as overlapping)
            try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(
                    data.resolve(JournalForwarding.JOURNAL_FILE + ".mv.db"), java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                assertThatThrownBy(file::tryLock).isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
            }

            Run first = run(verify);
            assertThat(first.exit()).as(first.err()).isEqualTo(ExitCodes.OK);
            assertThat(first.out()).contains("the kiosk is running").contains("2 records verified")
                    .contains("checking against the published head");

            runtime.services().ratings().rate("exit-entry", SatisfactionLevel.VERY_SATISFIED, Optional.empty());
            Run second = run(verify);
            assertThat(second.exit()).as(second.err()).isEqualTo(ExitCodes.OK);
            assertThat(second.out()).contains("3 records verified"); // the live journal, not an old copy
        }
        assertThat(data.resolve(JournalSnapshots.SOCKET_FILE)).doesNotExist(); // removed at close

        Run stopped = run(verify); // and with the kiosk stopped, straight from the file as before
        assertThat(stopped.exit()).as(stopped.err()).isEqualTo(ExitCodes.OK);
        assertThat(stopped.out()).doesNotContain("the kiosk is running").contains("3 records verified");
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("kiosk-journal-check"))).isEmpty();
        }
    }

    @Test
    void aSocketFileLeftByAKilledKioskIsIgnored() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.createFile(data.resolve(JournalSnapshots.SOCKET_FILE));
        assertThat(JournalSnapshots.fetch(data, Files.createDirectories(tmp.resolve("into")))).isEmpty();
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }
}
