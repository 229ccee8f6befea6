package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.service.audit.AuditHead;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.certificate.IssueResult;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.a4.sim.IppPrinterSimulator;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.idcard.IdCard;

/**
 * The whole demo kiosk in one process, every device a real driver on its wire-level simulator (ptys, HTTP on
 * 127.0.0.1), the embedded store seeded with the demo data, and the citizen services wired through the ports.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DefaultKioskRuntimeDemoTest {

    @TempDir
    static Path tmp;

    static DefaultKioskRuntime runtime;
    static Path configDir;

    @BeforeAll
    static void start() throws Exception {
        configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig config = ConfigLoader.load(configDir);
        runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, Clock.systemDefaultZone());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theDemoKioskIsInServiceWithEveryDeviceEnabledAndTheCatalogueCopiedForTechnicians() {
        assertThat(runtime.deviceProblems()).isEmpty();
        assertThat(runtime.demo()).isTrue();
        assertThat(runtime.demoControls()).isPresent();
        assertThat(runtime.idReader()).isPresent();
        assertThat(runtime.scanner()).isPresent();
        assertThat(runtime.receiptPrinter()).isPresent();
        assertThat(runtime.a4Printer()).isPresent();
        assertThat(runtime.devices().all()).extracting(d -> d.logicalName())
                .containsExactly("idReader", "receiptPrinter", "a4Printer", "scanner", "documentScanner",
                        "faceVerifier");
        assertThat(runtime.devices().all()).allSatisfy(d -> assertThat(d.health().isUsable()).as(d.logicalName()).isTrue());
        assertThat(configDir.resolve("services.yaml")).exists();
        assertThat(tmp.resolve("data").resolve(DefaultKioskRuntime.DEMO_STORE_FILE + ".mv.db")).exists();
    }

    @Test
    void theDemoAuditTrailIsKeyedWithAGeneratedDemoKeyAndItsHeadIsPublished() throws Exception {
        runtime.services().ratings().rate("exit-entry", org.openkiosk.app.service.rating.SatisfactionLevel.SATISFIED,
                Optional.empty());
        Path data = tmp.resolve("data");
        Path key = data.resolve(AuditTrailSetup.DEMO_KEY_FILE);
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        AuditHead head = new AuditHeadFile(data.resolve(AuditHeadFile.DEMO_FILE_NAME)).read().orElseThrow();
        assertThat(head.signedBy(AuditKey.load(key))).isTrue();
        assertThat(runtime.services().audit().head()).contains(head);
        assertThat(data.resolve(AuditHeadFile.FILE_NAME)).doesNotExist(); // a real kiosk's head is never touched

        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = org.openkiosk.app.cli.KioskCommand.commandLine();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(out, true));
        assertThat(cl.execute("audit", "verify", "--demo", "--data", data.toString(), "--config", configDir.toString()))
                .as(out.toString()).isZero();
        assertThat(out.toString()).contains("checking against the published head").contains("records verified");
    }

    @Test
    void aCardPlacedThroughDemoControlsArrivesAsADataEventFromTheReader() throws Exception {
        BlockingQueue<IdCard> cards = new ArrayBlockingQueue<>(4);
        org.openkiosk.device.DeviceListener listener = event -> {
            if (event instanceof DeviceEvent.Data<?> data && data.payload() instanceof IdCard card) {
                cards.add(card);
            }
        };
        runtime.idReader().orElseThrow().addListener(listener);
        try {
            runtime.demoControls().orElseThrow().placeCard(org.openkiosk.device.idcard.CardType.RESIDENT);
            IdCard card = cards.poll(10, TimeUnit.SECONDS);
            assertThat(card).as("a card read within 10 s").isNotNull();
            assertThat(card.idNumber()).isEqualTo("11010519491231002X");
            assertThat(card.name()).isEqualTo("测试");
        } finally {
            runtime.demoControls().orElseThrow().removeCard();
            runtime.idReader().orElseThrow().removeListener(listener);
        }
    }

    @Test
    void aCodeScannedThroughDemoControlsReachesTheArmedScanner() throws Exception {
        BlockingQueue<String> codes = new ArrayBlockingQueue<>(2);
        runtime.scanner().orElseThrow().arm(codes::add);
        runtime.demoControls().orElseThrow().scan("KIOSK-DEMO-0042");
        assertThat(codes.poll(5, TimeUnit.SECONDS)).isEqualTo("KIOSK-DEMO-0042");
    }

    @Test
    void aCertificatePrintedOnTheIppSimulatorIsRecordedPrinted() throws Exception {
        IppPrinterSimulator a4 = runtime.simulators().a4().orElseThrow();
        int before = a4.printed().size();
        IssueResult result = runtime.services().certificates().issue(testPerson(), "no-criminal-record");

        assertThat(result.outcome().printed()).as(String.valueOf(result.outcome().failureReason())).isTrue();
        assertThat(a4.printed()).hasSize(before + 1);
        byte[] pdf = a4.printed().get(a4.printed().size() - 1).document();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(recordedOutcome(result.certificateNumber())).isEqualTo("PRINTED");
    }

    @Test
    void withTheA4PaperOutTheCertificateIsRecordedFailedAndNothingPrints() throws Exception {
        IppPrinterSimulator a4 = runtime.simulators().a4().orElseThrow();
        int before = a4.printed().size();
        int jobsBefore = a4.jobs().size();
        runtime.demoControls().orElseThrow().a4PaperOut(true);
        try {
            IssueResult result = runtime.services().certificates().issue(testPerson(), "residence");

            assertThat(result.outcome().printed()).isFalse();
            assertThat(result.outcome().failureReason()).contains("OUT_OF_PAPER");
            assertThat(recordedOutcome(result.certificateNumber())).isEqualTo("FAILED");
            // the job that reached the printer was cancelled, so it cannot come out when paper is loaded
            java.util.List<IppPrinterSimulator.ReceivedJob> jobs = a4.jobs();
            assertThat(jobs.subList(jobsBefore, jobs.size())).allSatisfy(j -> assertThat(j.state())
                    .isIn(org.openkiosk.device.a4.JobState.CANCELED, org.openkiosk.device.a4.JobState.ABORTED));
            assertThat(a4.printed()).hasSize(before);
        } finally {
            runtime.demoControls().orElseThrow().a4PaperOut(false);
            runtime.a4Printer().orElseThrow().checkHealth(org.openkiosk.device.HealthCheckLevel.EXTERNAL);
        }
    }

    @Test
    void aSlipPrintedOnTheReceiptSimulatorCarriesTheBookingCodeAndItsQrPayload() throws Exception {
        var sim = runtime.simulators().receipt().orElseThrow();
        int before = sim.receipts().size();
        Identity who = testPerson();
        ServiceDefinition service = runtime.services().appointments().bookableServices().get(0);
        String hall = DemoData.DEMO_HALL;
        BookingResult booked = null;
        for (LocalDate day : runtime.services().appointments().daysWithFreeSeats(service.code(), hall)) {
            Optional<SlotAvailability> slot = runtime.services().appointments().day(service.code(), hall, day).stream()
                    .filter(SlotAvailability::bookable).findFirst();
            if (slot.isPresent()) {
                booked = runtime.services().appointments().book(who, service.code(), hall, day, slot.get().start());
                break;
            }
        }
        assertThat(booked).as("a free slot in the demo hall").isNotNull();
        assertThat(booked.slipPrint().printed()).as(String.valueOf(booked.slipPrint().failureReason())).isTrue();

        List<CapturedReceipt> receipts = sim.receipts();
        assertThat(receipts).hasSize(before + 1);
        CapturedReceipt slip = receipts.get(receipts.size() - 1);
        assertThat(slip.text()).contains(booked.slip().bookingCode()).contains("预约凭条");
        assertThat(slip.qrPayloads()).containsExactly(booked.slip().qrPayload());
        assertThat(slip.text()).doesNotContain("11010519491231002X");
    }

    @Test
    void aCertificateReceiptAndAQueueTicketPrintInChinese() throws Exception {
        var sim = runtime.simulators().receipt().orElseThrow();
        int before = sim.receipts().size();
        var outcome = runtime.receipts().printCertificateReceipt(new org.openkiosk.app.service.port.CertificateReceipt(
                "无犯罪记录证明", "NCR202600000042", 2, java.time.Instant.now(), "K-0101"));
        assertThat(outcome.printed()).as(String.valueOf(outcome.failureReason())).isTrue();
        CapturedReceipt receipt = sim.receipts().get(before);
        assertThat(receipt.text()).contains("证明打印回执").contains("NCR202600000042").contains("2 次");

        var ticket = runtime.services().queue().walkIn(
                runtime.catalogue().services().get(0).code());
        assertThat(ticket.print().printed()).as(String.valueOf(ticket.print().failureReason())).isTrue();
        assertThat(sim.receipts().get(before + 1).text()).contains("排队号 " + ticket.ticket().ticketNo());
    }

    @Test
    void withTheReceiptRollEmptyASlipIsNotPrintedAndTheRequiredPrinterBecomesADeviceProblem() throws Exception {
        runtime.demoControls().orElseThrow().receiptPaperOut(true);
        try {
            var outcome = runtime.receipts().printCertificateReceipt(new org.openkiosk.app.service.port.CertificateReceipt(
                    "户籍证明", "HHR202600000001", 1, java.time.Instant.now(), "K-0101"));
            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.failureReason()).containsIgnoringCase("paper");
            assertThat(runtime.deviceProblems()).extracting(DeviceProblem::code).contains("E-DEV-receiptPrinter");
        } finally {
            runtime.demoControls().orElseThrow().receiptPaperOut(false);
            assertThat(runtime.recheckDevices()).isEmpty();
        }
    }

    private static Identity testPerson() throws Exception {
        return runtime.services().identification().fromCard(
                new CardIdentity(CardType.RESIDENT_ID, "测试", DemoData.TEST_PERSON));
    }

    private static String recordedOutcome(String certificateNumber) {
        return runtime.store().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outcome FROM certificate_print WHERE certificate_number = ?")) {
                ps.setString(1, certificateNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "none";
                }
            }
        });
    }
}
