package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.certificate.PrintReconciliation;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.IppEvePrinter;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.TcpProxy;

/**
 * ADR 0165 through the kiosk runtime: a print attempt left open by a kiosk that died is reconciled when the hall store
 * answers again — the shipper's reconnection, not the start-up run (the hall was away then) nor the hourly one — and
 * when the A4 printer, off at the start, comes up (ADR 0206). A real ippeveprinter, the hall's PostgreSQL behind a
 * {@link TcpProxy} the test cuts and restores.
 */
class PrintReconciliationOnReconnectTest {

    static final String KIOSK = "K-0101"; // the repository configuration's kiosk

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tmp;

    /** Thrown by the print port before the job goes out: the kiosk stops there, as with kill -9. */
    static final class KioskDied extends Error {
        KioskDied() {
            super("simulated crash");
        }
    }

    @Test
    void aReconnectionOfTheHallStoreReconcilesTheOpenPrint() throws Exception {
        Path data = tmp.resolve("data");
        try (IppEvePrinter ipp = IppEvePrinter.start(tmp.resolve("printer"));
             TcpProxy proxy = TcpProxy.to("127.0.0.1", POSTGRES.server().port())) {
            StoreConfig hallConfig = PostgresServer.storeConfig(EmbeddedPostgresServer.throughPort(
                    POSTGRES.server().newDatabase(), proxy.port()));

            diedBeforeSending(hallConfig, data);

            // the hall store goes away; the kiosk starts (offline, ADR 0166) with the real printer
            proxy.cut();
            Path configDir = tmp.resolve("config");
            KioskConfig config = RuntimeFixtures.printingTo(RuntimeFixtures.hallKiosk(configDir, hallConfig),
                    ipp.ippUri());
            try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                    Clock.systemUTC())) {
                // the start-up reconciliation asked the printer (not listed: UNKNOWN) but could not record it: the
                // hall is away, so the answer waits in the kiosk's note
                PrintReconciliation atStart = Poll.value(Duration.ofSeconds(60), "the start-up reconciliation",
                        () -> runtime.printReconciliation().filter(r -> !r.waiting().isEmpty()));
                assertThat(atStart.unknown()).as(atStart.toString()).singleElement().asString()
                        .contains("job history does not list it");
                assertThat(atStart.waiting()).anySatisfy(w -> assertThat(w).contains("the store cannot be reached"));

                proxy.restore();
                // the shipper sees the hall answer again and runs the reconciliation (the hourly one is an hour away):
                // the waiting answer is applied
                Poll.until(Duration.ofSeconds(90), "a reconciliation after the reconnection with nothing waiting",
                        () -> runtime.printReconciliation().map(r -> r.waiting().isEmpty()).orElse(false));
            }
            try (Store hall = Stores.open(hallConfig, tmp)) {
                // whether the paper came out cannot be known: still counted, the cause recorded for staff
                assertThat(RuntimeFixtures.printRows(hall)).singleElement().asString().startsWith(
                        "PENDING:reconciled after a restart: the printer's job history does not list it");
            }
        }
    }

    @Test
    void aPrinterThatComesUpAfterTheKioskStartedIsAskedAsSoonAsTheKioskSeesItUsable() throws Exception {
        Path data = tmp.resolve("data");
        int printerPort = IppEvePrinter.freePort();
        StoreConfig hallConfig = PostgresServer.storeConfig(POSTGRES.server().newDatabase());
        diedBeforeSending(hallConfig, data);

        // the kiosk starts with its printer off: the start-up run cannot ask it, so the attempt waits
        Path configDir = tmp.resolve("config");
        KioskConfig config = RuntimeFixtures.printingTo(RuntimeFixtures.hallKiosk(configDir, hallConfig),
                "ipp://localhost:" + printerPort + "/ipp/print");
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, data, false,
                Clock.systemUTC())) {
            PrintReconciliation atStart = Poll.value(Duration.ofSeconds(60), "the start-up reconciliation",
                    () -> runtime.printReconciliation().filter(r -> !r.waiting().isEmpty()));
            assertThat(atStart.waiting()).as(atStart.toString()).singleElement().asString()
                    .contains("the printer does not answer");
            assertThat(atStart.unknown()).isEmpty();

            try (IppEvePrinter late = IppEvePrinter.startOnPort(tmp.resolve("printer"), printerPort, "/bin/true")) {
                runtime.recheckAllDevices(); // what the device loop does every 30 s: the printer turns usable
                // the next reconciliation is an hour away and the hall never went away: only the printer's return
                // can have asked it
                PrintReconciliation after = Poll.value(Duration.ofSeconds(60), "a reconciliation once the printer is"
                        + " usable", () -> runtime.printReconciliation().filter(r -> !r.unknown().isEmpty()));
                assertThat(after.waiting()).as(after.toString()).isEmpty();
                assertThat(after.unknown()).singleElement().asString().contains("job history does not list it");
            }
        }
        try (Store hall = Stores.open(hallConfig, tmp)) {
            assertThat(RuntimeFixtures.printRows(hall)).singleElement().asString().startsWith(
                    "PENDING:reconciled after a restart: the printer's job history does not list it");
        }
    }

    /** A kiosk with the same id and data directory numbers a certificate, notes the job and dies before sending. */
    private void diedBeforeSending(StoreConfig hallConfig, Path data) throws Exception {
        try (Store hall = Stores.open(hallConfig, tmp);
             Store journal = Stores.open(new StoreConfig(Stores.EMBEDDED,
                     data.resolve(JournalForwarding.JOURNAL_FILE).toString(), null, null), data);
             Store platform = Stores.open(new StoreConfig(Stores.EMBEDDED, tmp.resolve("platform").toString(),
                     null, null), tmp)) {
            DemoData.seed(hall, Clock.systemUTC());
            DemoData.seed(platform, Clock.systemUTC());
            CitizenServices dying = new CitizenServices(hall, new EmbeddedServicePlatform(platform),
                    new CatalogueLoader().loadDefault(), new FakeCertificateRenderer(), (title, pdf) -> {
                        throw new KioskDied();
                    }, new RecordingReceiptPort(), Clock.systemUTC(), KIOSK, DemoData.DEMO_HALL);
            dying.certificates().noteInto(journal);
            var card = dying.identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试",
                    DemoData.TEST_PERSON));
            assertThatThrownBy(() -> dying.certificates().issue(card, "residence"))
                    .isInstanceOf(KioskDied.class);
            assertThat(RuntimeFixtures.printRows(hall)).containsExactly("PENDING:null");
        }
    }
}
