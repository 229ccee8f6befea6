package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.device.a4.IppPrinter;
import org.openkiosk.device.a4.JobState;
import org.openkiosk.device.a4.JobSummary;
import org.openkiosk.device.a4.PrinterEndpoint;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.ChildJvm;
import org.openkiosk.testsupport.IppEvePrinter;
import org.openkiosk.testsupport.Poll;

/**
 * Issue 11's "a power cut hits a kiosk in the middle of a print" with real processes (ADR 0165, 0200): a hall kiosk —
 * the real runtime in a JVM of its own ({@link PrintingKioskProcess}), its journal an H2 file, the hall's PostgreSQL,
 * a real ippeveprinter — is killed with SIGKILL in the middle of a certificate print, at a point the test sees at the
 * printer, outside the kiosk: (a) while the printer is printing the job (it holds each job until the test releases
 * it), the job completing after the kiosk died; (b) after the printer completed it, the hall gone and the kiosk's
 * answer on its disk and told to the citizen; (c) while the job waits, unread, in a frozen printer's socket, which
 * then loses power with the kiosk. A new kiosk process starts on the same files: its start-up reconciliation settles
 * the attempt — from the printer's job history, or from the kiosk's own note — counts it against the reprint limit
 * when the paper came out (or may have), reports it when that cannot be known; nothing is doubled in the hall store,
 * nothing lost, nothing left pending, and both audit chains verify. What the kill left on the kiosk's disk is read
 * before the restart: the note made before the job went out, and the answer the citizen was told, are there
 * (ADR 0160). {@code PrintReconciliationFaultTest} covers more variations inside one JVM (an {@code Error} thrown
 * there).
 */
class KioskKilledMidPrintTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    /** The child's output is read byte for byte: what is looked for is ASCII, whatever the locale's encoding. */
    private static final java.nio.charset.Charset OUTPUT = StandardCharsets.ISO_8859_1;

    /** The repository configuration's kiosk. */
    private static final String KIOSK = "K-0101";

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();
    private IppEvePrinter printer;
    private IppEvePrinter printerAfterThePowerCut;
    private String hallUrl;
    private Store hall;
    private Path configDir;
    private Path data;

    @BeforeEach
    void aHallAPrinterAndAKioskConfiguration() throws Exception {
        printer = IppEvePrinter.startHoldingEachJob(tmp.resolve("printer"));
        hallUrl = POSTGRES.server().newDatabase();
        hall = Stores.open(PostgresServer.storeConfig(hallUrl), tmp);
        DemoData.seed(hall, Clock.systemUTC());
        configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        RuntimeFixtures.ownSigningKey(configDir, KIOSK);
        data = tmp.resolve("data");
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (hall != null) {
            hall.close();
        }
        for (IppEvePrinter p : new IppEvePrinter[] {printer, printerAfterThePowerCut}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void killedWhileThePrinterPrintedTheJobTheRestartFindsItCompletedInThePrintersHistoryAndCountsIt()
            throws Exception {
        Kiosk kiosk = startPrinting("printing");
        kiosk.awaitWhileItPrints("the printer printing the kiosk's job", printer::holdingAJob);
        kiosk.kill();
        printer.releaseJob(); // the paper comes out after the kiosk died
        Poll.value(Duration.ofSeconds(30), "the job completed in the printer's history", () -> printersHistory()
                .stream().filter(j -> j.state() == JobState.COMPLETED).findFirst());
        assertThat(printer.receivedDocuments()).hasSize(1);
        assertThat(RuntimeFixtures.printRows(hall)).containsExactly("PENDING:null");
        assertThat(notesOnTheKiosksDisk()).as("noted before it was sent; the printer's answer never recorded")
                .containsExactly("null:not applied");

        Map<String, String> restart = restart(printer);

        assertThat(restart.get("start-up-reconciliation")).as(restart.get("log"))
                .contains("printed=1,", "unknown=[]", "waiting=[]");
        assertThat(RuntimeFixtures.printRows(hall)).containsExactly("PRINTED:null");
        assertThat(audited("CERTIFICATE_PRINTED")).isEqualTo(1);
        settledOnceAndCounted(restart, printer, 1, "PRINTED:applied");
    }

    @Test
    void killedAfterTheCitizenWasToldWhileTheHallWasAwayTheRestartRecordsWhatTheKioskNoted() throws Exception {
        Kiosk kiosk = startPrinting("told");
        kiosk.awaitWhileItPrints("the printer printing the kiosk's job", printer::holdingAJob);
        kiosk.command("cut-hall");
        kiosk.awaitLine(PrintingKioskProcess.HALL_CUT);
        printer.releaseJob();
        assertThat(kiosk.awaitLine(PrintingKioskProcess.TOLD)).contains("printed=true remaining=0");
        kiosk.kill();
        assertThat(printer.receivedDocuments()).hasSize(1);
        assertThat(RuntimeFixtures.printRows(hall)).as("the hall went away before it took the answer")
                .containsExactly("PENDING:null");
        assertThat(notesOnTheKiosksDisk()).as("what the citizen was told is on the kiosk's disk after kill -9")
                .containsExactly("PRINTED:not applied");
        // the printer is off after the power cut too: only the kiosk's own note can settle the attempt
        printer.close();

        Map<String, String> restart = restart(printer);

        assertThat(restart.get("start-up-reconciliation")).as(restart.get("log"))
                .contains("unknown=[]", "waiting=[]");
        assertThat(RuntimeFixtures.printRows(hall)).containsExactly("PRINTED:null");
        assertThat(audited("CERTIFICATE_PRINTED")).isEqualTo(1);
        settledOnceAndCounted(restart, printer, 1, "PRINTED:applied");
    }

    @Test
    void killedBeforeTheJobReachedThePrinterTheRestartReportsItUnknownAndKeepsItCounted() throws Exception {
        Kiosk kiosk = startPrinting(null);
        printer.freeze(); // it keeps its socket: the job goes into it and is never read
        kiosk.command("print");
        // the kiosk asks nothing else of a healthy printer after its start: what waits there is its Print-Job
        kiosk.awaitWhileItPrints("the kiosk's job waiting unread at the frozen printer",
                () -> printer.unreadRequestBytes() > 0);
        kiosk.kill();
        printer.powerCut(); // the power cut takes the printer too: the job it never read is gone
        assertThat(printer.receivedDocuments()).isEmpty();
        assertThat(RuntimeFixtures.printRows(hall)).containsExactly("PENDING:null");
        assertThat(notesOnTheKiosksDisk()).as("noted before it was sent")
                .containsExactly("null:not applied");
        printerAfterThePowerCut = IppEvePrinter.startPrintingWith(tmp.resolve("printer-again"), "/bin/true");

        Map<String, String> restart = restart(printerAfterThePowerCut);

        assertThat(restart.get("start-up-reconciliation")).as(restart.get("log"))
                .contains("printed=0,", "failed=0,", "waiting=[]")
                .containsPattern("unknown=\\[JZZ\\d+ \\(residence\\): the printer's job history does not list it");
        assertThat(RuntimeFixtures.printRows(hall)).singleElement().asString()
                .startsWith("PENDING:reconciled after a restart: the printer's job history does not list it");
        assertThat(audited("CERTIFICATE_PRINTED") + audited("CERTIFICATE_PRINT_FAILED")).isZero();
        assertThat(restart.get("log")).as("reported to the technician").containsPattern(
                "ERROR .* print attempt JZZ\\d+ \\(residence\\): whether the paper came out cannot be known");
        settledOnceAndCounted(restart, printerAfterThePowerCut, 0, "UNKNOWN:applied");
    }

    /**
     * After the restart: the attempt counts against the limit (a second print of the same certificate is refused and
     * nothing more reaches the printer), a second reconciliation finds nothing, the hall holds one print row, the audit
     * chains verify, and the kiosk's note is decided and taken by the hall.
     */
    private void settledOnceAndCounted(Map<String, String> restart, IppEvePrinter printer, int documents, String note)
            throws Exception {
        assertThat(restart.get("again")).as(restart.get("log")).isEqualTo("REPRINT_LIMIT_REACHED");
        assertThat(restart.get("second-reconciliation"))
                .isEqualTo("PrintReconciliation[printed=0, failed=0, unknown=[], waiting=[]]");
        assertThat(restart.get("hall-audit")).startsWith("intact ");
        assertThat(restart.get("journal-audit")).startsWith("intact ");
        assertThat(restart.get("stopped")).isEqualTo("cleanly");
        assertThat(printer.receivedDocuments()).hasSize(documents);
        assertThat(RuntimeFixtures.count(hall, "SELECT COUNT(*) FROM certificate_print")).isEqualTo(1);
        assertThat(audited("CERTIFICATE_NUMBERED")).isEqualTo(1);
        assertThat(notesOnTheKiosksDisk()).containsExactly(note);
    }

    /**
     * A kiosk process that has started, reconciled and is ready to print; told to print unless {@code print} is null.
     */
    private Kiosk startPrinting(String print) throws Exception {
        Path log = tmp.resolve("kiosk-" + (print == null ? "held" : print) + ".log");
        Kiosk kiosk = new Kiosk(kioskProcess("print", log, printer), log);
        kiosk.awaitLine(PrintingKioskProcess.READY);
        if (print != null) {
            kiosk.command("print");
        }
        return kiosk;
    }

    /** A kiosk process printing: its output in {@code log}, told what to do on its standard input. */
    private record Kiosk(Process process, Path log) {

        String output() throws java.io.IOException {
            return Files.readString(log, OUTPUT);
        }

        void mustBeAlive() throws java.io.IOException {
            if (!process.isAlive()) {
                throw new AssertionError("the kiosk process ended (" + process.exitValue() + "):\n" + output());
            }
        }

        /** Waits for {@code condition} while the kiosk is alive and has not finished its print. */
        void awaitWhileItPrints(String what, java.util.concurrent.Callable<Boolean> condition) {
            Poll.value(Duration.ofSeconds(120), what + " (" + log + ")", () -> {
                mustBeAlive();
                if (output().contains(PrintingKioskProcess.TOLD)) {
                    throw new AssertionError("the kiosk finished the print before " + what + ":\n" + output());
                }
                return condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty();
            });
        }

        /** The first line of its output starting with {@code prefix}, waited for. */
        String awaitLine(String prefix) {
            return Poll.value(Duration.ofSeconds(120), "the kiosk saying " + prefix + " (" + log + ")", () -> {
                Optional<String> line = Files.readAllLines(log, OUTPUT).stream().filter(l -> l.startsWith(prefix))
                        .findFirst();
                if (line.isEmpty()) {
                    mustBeAlive();
                }
                return line;
            });
        }

        void command(String line) throws java.io.IOException {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
        }

        /** SIGKILL: no shutdown hook, no H2 close, nothing flushed. */
        void kill() throws Exception {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }
    }

    /** The printer's job history (completed, cancelled, aborted), asked as the kiosk's driver asks. */
    private List<JobSummary> printersHistory() throws Exception {
        return new IppPrinter(PrinterEndpoint.of(TransportUri.parse("cups:" + printer.ippUri())), Duration.ofSeconds(10),
                "kiosk").jobs("completed");
    }

    /** A new kiosk process on the same files; its results by name, and its whole output as {@code log}. */
    private Map<String, String> restart(IppEvePrinter printer) throws Exception {
        Path log = tmp.resolve("kiosk-restart.log");
        Process kiosk = kioskProcess("restart", log, printer);
        boolean ended = kiosk.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log, OUTPUT);
        assertThat(ended).as("the restarted kiosk ended:\n" + output).isTrue();
        assertThat(kiosk.exitValue()).as(output).isZero();
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(PrintingKioskProcess.RESULT)) {
                String[] nameAndValue = line.substring(PrintingKioskProcess.RESULT.length()).split(" ", 2);
                results.put(nameAndValue[0], nameAndValue[1]);
            }
        }
        results.put("log", output);
        return results;
    }

    private Process kioskProcess(String what, Path log, IppEvePrinter printer) throws Exception {
        ProcessBuilder builder = ChildJvm.of(PrintingKioskProcess.class, configDir.toString(), data.toString(), hallUrl,
                printer.ippUri(), what).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("CREDENTIALS_DIRECTORY"); // its journal unencrypted, readable by this test
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /**
     * The kiosk's print notes as the kill left them ({@code OUTCOME:applied or not}), read without changing the file:
     * opened read-only, so the kiosk that starts next is the first to recover it.
     */
    private List<String> notesOnTheKiosksDisk() throws Exception {
        Properties user = new Properties();
        user.setProperty("user", "kiosk");
        user.setProperty("password", "");
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + data.resolve(JournalForwarding.JOURNAL_FILE)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r", user);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT outcome, applied_at FROM print_submission ORDER BY submitted_at")) {
            List<String> notes = new ArrayList<>();
            while (rs.next()) {
                notes.add(rs.getString(1) + ":" + (rs.getObject(2) == null ? "not applied" : "applied"));
            }
            return notes;
        }
    }

    private int audited(String action) {
        return RuntimeFixtures.count(hall, "SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
    }
}
