package org.openkiosk.app.service.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.runtime.adapters.A4PrinterPort;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.PrintLookup;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.a4.PrintSettings;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.IppEvePrinter;
import org.openkiosk.testsupport.TcpProxy;

/**
 * Durable before it is said, for certificate prints (ADR 0165), with real processes: a hall kiosk prints on a real
 * ippeveprinter against the hall's PostgreSQL (through a proxy the test cuts) and notes its jobs in its own H2 file.
 * The kiosk "dies" between the printer's answer and the record (the port throws an {@link Error} after the job, so
 * nothing of the kiosk runs after it, and a new kiosk on the same files takes over), or before the job reaches the
 * printer, or the hall goes away right after the print. Each time the attempt is settled from the printer's job
 * history at reconciliation, counted against the reprint limit when the paper came out, and reported when it cannot
 * be known — never left pending silently.
 */
class PrintReconciliationFaultTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY_8 = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZONE).toInstant();
    private static final PrintSettings FAST = new PrintSettings(Duration.ofSeconds(20), Duration.ofMillis(100),
            Duration.ofSeconds(2), "iso_a4_210x297mm", "kiosk-test");

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final MutableClock clock = new MutableClock(MONDAY_8);
    private TcpProxy proxy;
    private Store hall;
    private Store journal;
    /** The service platform's data: elsewhere than the hall store (it answers while the hall is away). */
    private Store platform;
    private IppEvePrinter ipp;
    private A4PrinterDevice device;

    /** Thrown by a port after (or instead of) the job: the kiosk stops there, as with kill -9. */
    static final class KioskDied extends Error {
        KioskDied() {
            super("simulated crash");
        }
    }

    @BeforeEach
    void hallKioskAndPrinter() throws Exception {
        // "prints" with /bin/true: ippeveprinter's simulated printing takes 5–15 s a job, close to FAST's 20 s job
        // timeout on a loaded machine; every test here waits for its jobs to end, none for them to take time
        ipp = open(IppEvePrinter.startPrintingWith(dir.resolve("printer"), "/bin/true"));
        device = open(new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippUri()), FAST));
        device.open();
        device.claim();
        device.enable();
        String url = POSTGRES.server().newDatabase();
        proxy = open(TcpProxy.to("127.0.0.1", POSTGRES.server().port()));
        hall = open(Stores.open(PostgresServer.storeConfig(EmbeddedPostgresServer.throughPort(url, proxy.port())), dir));
        DemoData.seed(hall, clock);
        journal = open(Stores.open(new StoreConfig(Stores.EMBEDDED, dir.resolve("kiosk-journal").toString(), null,
                null), dir));
        platform = open(Stores.open(new StoreConfig(Stores.EMBEDDED, dir.resolve("platform").toString(), null,
                null), dir));
        DemoData.seed(platform, clock);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void printedThenTheKioskDiedBeforeTheRecordIsSettledAsPrintedAndCounted() throws Exception {
        A4PrintPort real = realPort();
        CitizenServices dying = kiosk((title, pdf) -> {
            PrintOutcome outcome = real.print(title, pdf);
            assertThat(outcome.printed()).as(outcome.toString()).isTrue();
            throw new KioskDied();
        });
        assertThatThrownBy(() -> dying.certificates().issue(card(dying), "residence")).isInstanceOf(KioskDied.class);
        assertThat(ipp.receivedDocuments()).hasSize(1);
        assertThat(hallOutcomes()).containsExactly("PENDING");

        CitizenServices restarted = kiosk(real);
        PrintReconciliation found = restarted.certificates().reconcile();

        assertThat(found.printed()).as(found.toString()).isEqualTo(1);
        assertThat(found.unknown()).isEmpty();
        assertThat(hallOutcomes()).containsExactly("PRINTED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CERTIFICATE_PRINTED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE document_sha256 IS NOT NULL"))
                .as("the printed document's digest, noted before the job was sent").isEqualTo(1);
        // the paper came out: the limit of one residence certificate is used up
        assertThatThrownBy(() -> restarted.certificates().issue(card(restarted), "residence"))
                .isInstanceOfSatisfying(CertificateException.class, e -> assertThat(e.reason())
                        .isEqualTo(CertificateException.Reason.REPRINT_LIMIT_REACHED));
        // settled once: a second reconciliation (after the next reconnection) changes nothing
        assertThat(restarted.certificates().reconcile().nothingFound()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CERTIFICATE_PRINTED'")).isEqualTo(1);
    }

    @Test
    void aJobThatNeverReachedThePrinterIsReportedAsUnknownAndStaysCounted() throws Exception {
        CitizenServices dying = kiosk((title, pdf) -> {
            throw new KioskDied(); // noted, then the kiosk died before the job went out
        });
        assertThatThrownBy(() -> dying.certificates().issue(card(dying), "residence")).isInstanceOf(KioskDied.class);
        assertThat(ipp.receivedDocuments()).isEmpty();

        CitizenServices restarted = kiosk(realPort());
        PrintReconciliation found = restarted.certificates().reconcile();

        assertThat(found.unknown()).as(found.toString()).singleElement().asString()
                .contains("residence").contains("job history does not list it");
        assertThat(restarted.certificates().lastReconciliation().unknown()).hasSize(1);
        assertThat(hallOutcomes()).containsExactly("PENDING");
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE reconciliation LIKE"
                + " 'reconciled after a restart: the printer''s job history does not list it%'")).isEqualTo(1);
        // whether the paper came out cannot be known: it stays counted, and is not asked about again
        assertThatThrownBy(() -> restarted.certificates().issue(card(restarted), "residence"))
                .isInstanceOf(CertificateException.class);
        assertThat(restarted.certificates().reconcile().nothingFound()).isTrue();
    }

    @Test
    void theHallGoneRightAfterThePrintTheCitizenIsToldAndTheRowIsSettledOnceItIsBack() throws Exception {
        A4PrintPort real = realPort();
        CitizenServices kiosk = kiosk((title, pdf) -> {
            PrintOutcome outcome = real.print(title, pdf);
            proxy.cut(); // the paper is in the tray; the hall store is gone
            return outcome;
        });
        IssueResult result = kiosk.certificates().issue(card(kiosk), "residence");
        assertThat(result.outcome().printed()).isTrue();
        assertThat(result.remaining()).isZero();

        PrintReconciliation whileAway = kiosk.certificates().reconcile();
        assertThat(whileAway.waiting()).as(whileAway.toString()).isNotEmpty();

        proxy.restore();
        // the first use of a connection the cut broke may still fail: that leaves the answer for the next round
        org.openkiosk.testsupport.Poll.until(Duration.ofSeconds(30), "the answer applied once the hall is back",
                () -> kiosk.certificates().reconcile().waiting().isEmpty());
        assertThat(kiosk.certificates().lastReconciliation().unknown()).isEmpty();
        assertThat(hallOutcomes()).containsExactly("PRINTED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CERTIFICATE_PRINTED'")).isEqualTo(1);
        assertThat(kiosk.certificates().reconcile().nothingFound()).isTrue();
    }

    @Test
    void aPrinterThatDoesNotAnswerLeavesTheAttemptForALaterReconciliation() throws Exception {
        A4PrintPort real = realPort();
        CitizenServices dying = kiosk((title, pdf) -> {
            real.print(title, pdf);
            throw new KioskDied();
        });
        assertThatThrownBy(() -> dying.certificates().issue(card(dying), "residence")).isInstanceOf(KioskDied.class);

        CitizenServices restarted = kiosk(new A4PrinterPort(Optional::empty));
        PrintReconciliation noPrinter = restarted.certificates().reconcile();
        assertThat(noPrinter.waiting()).as(noPrinter.toString()).singleElement().asString()
                .contains("no usable A4 printer");
        assertThat(hallOutcomes()).containsExactly("PENDING");

        PrintReconciliation later = kiosk(real).certificates().reconcile();
        assertThat(later.printed()).as(later.toString()).isEqualTo(1);
        assertThat(hallOutcomes()).containsExactly("PRINTED");
    }

    @Test
    void withTheHallAwayPrintingIsRefusedInPlainWordsBeforeAnythingIsNumberedOrPrinted() throws Exception {
        CitizenServices kiosk = kiosk(realPort());
        Identity who = card(kiosk);
        proxy.cut();

        assertThatThrownBy(() -> kiosk.certificates().issue(who, "residence"))
                .isInstanceOfSatisfying(CertificateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CertificateException.Reason.HALL_OFFLINE);
                    assertThat(org.openkiosk.app.ui.flow.ErrorMessages.keyOf(e))
                            .isEqualTo("error.certificate.hall_offline");
                });
        for (org.openkiosk.app.ui.i18n.Language language : org.openkiosk.app.ui.i18n.Language.values()) {
            assertThat(org.openkiosk.app.ui.i18n.Messages.bundle(language).getString("error.certificate.hall_offline"))
                    .isNotBlank();
        }
        assertThat(ipp.receivedDocuments()).isEmpty();
        proxy.restore();
        // connections the cut broke are dropped by the pool on their first use: ask until one answers
        List<String> outcomes = org.openkiosk.testsupport.Poll.value(Duration.ofSeconds(30), "the hall back", () -> {
            try {
                return Optional.of(hallOutcomes());
            } catch (org.openkiosk.app.store.StoreUnavailableException e) {
                return Optional.empty();
            }
        });
        assertThat(outcomes).as("nothing was numbered").isEmpty();
    }

    @Test
    void aRowReservedButNeverNotedNeverReachedThePrinterAndIsFailedButOlderRowsAreLeftCounted() throws Exception {
        CitizenServices kiosk = kiosk(realPort());
        // the kiosk died between the reservation and the note (e.g. in the issuing authority's call); and a row
        // from before the kiosk noted its jobs (an upgrade, or a replaced journal file) that may have printed
        hall.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO certificate_print (certificate_type,"
                    + " certificate_number, holder_key, printed_at, kiosk_id, outcome) VALUES ('residence', ?,"
                    + " '" + "a".repeat(64) + "', ?, 'K-07', 'PENDING')")) {
                insert.setString(1, "JZZ202699000001");
                insert.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));
                insert.executeUpdate();
                insert.setString(1, "JZZ202099000001");
                insert.setObject(2, java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"));
                insert.executeUpdate();
            }
            return null;
        });

        PrintReconciliation found = kiosk.certificates().reconcile();

        assertThat(found.failed()).as(found.toString()).isEqualTo(1);
        assertThat(hallOutcomes()).containsExactly("FAILED", "PENDING");
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE certificate_number = 'JZZ202699000001'"
                + " AND failure_reason LIKE '%stopped before it sent the job%'")).isEqualTo(1);
        assertThat(kiosk.certificates().reconcile().nothingFound()).isTrue();
    }

    @Test
    void theAdapterReadsThePrintersJobHistoryByJobName() {
        A4PrinterPort port = realPort();
        assertThat(port.lookUp("never sent").verdict()).isEqualTo(PrintLookup.Verdict.UNKNOWN);
        PrintOutcome printed = port.print("sent once", "%PDF-1.7\n% stand-in\n%%EOF\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(printed.printed()).as(printed.toString()).isTrue();
        assertThat(port.lookUp("sent once").verdict()).isEqualTo(PrintLookup.Verdict.PRINTED);
    }

    private CitizenServices kiosk(A4PrintPort printer) throws Exception {
        CitizenServices services = new CitizenServices(hall, new EmbeddedServicePlatform(platform),
                new CatalogueLoader().loadDefault(), new FakeCertificateRenderer(), printer, new RecordingReceiptPort(),
                clock, "K-07", DemoData.DEMO_HALL);
        services.certificates().noteInto(journal);
        return services;
    }

    private A4PrinterPort realPort() {
        return new A4PrinterPort(() -> Optional.of(device));
    }

    private static Identity card(CitizenServices services) throws Exception {
        return services.identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试", DemoData.TEST_PERSON));
    }

    private List<String> hallOutcomes() {
        return hall.inTransaction(c -> {
            List<String> outcomes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT outcome FROM certificate_print ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
            return outcomes;
        });
    }

    private long count(String sql) {
        return hall.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }
}
