package org.openkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.device.idcard.CardType;

/**
 * The interactive checks against the demo kiosk: real drivers on their wire-level simulators (GA 467 reader and
 * ESC/POS printer on ptys, the IPP printer on 127.0.0.1, the serial scanner), each outcome audited.
 */
class InteractiveChecksTest {

    @TempDir
    static Path tmp;

    static DefaultKioskRuntime runtime;
    static InteractiveChecks checks;
    static Path configDir;

    @BeforeAll
    static void start() throws Exception {
        configDir = RepositoryConfig.copyTo(tmp.resolve("config"));
        var config = ConfigLoader.load(configDir);
        runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, Clock.systemDefaultZone());
        MaintenanceAccess access = MaintenanceAccess.of(config, true, Clock.systemDefaultZone());
        checks = new InteractiveChecks(runtime, configDir, access);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aTestA4PageIsACertificateSampleThatTheIppPrinterCompletes() {
        try (AuditCapture audit = new AuditCapture()) {
            CheckOutcome outcome = checks.testA4Page();
            assertThat(outcome.passed()).as(outcome.text()).isTrue();
            assertThat(outcome.text()).startsWith("test page printed (job ").contains("COMPLETED");
            assertThat(audit.lines()).anyMatch(l -> l.contains("action=test-a4-page outcome=OK"));
        }
    }

    @Test
    void anA4PrinterOutOfPaperIsAFailedCheckNamingTheCause() {
        runtime.demoControls().orElseThrow().a4PaperOut(true);
        try {
            CheckOutcome outcome = checks.testA4Page();
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.text()).startsWith("test page not printed").contains("out of paper").endsWith("load paper");
        } finally {
            runtime.demoControls().orElseThrow().a4PaperOut(false);
        }
    }

    @Test
    void aTestCardIsReadOnceAndShownMasked() throws Exception {
        runtime.demoControls().orElseThrow().placeCard(CardType.RESIDENT);
        try {
            CheckOutcome outcome = checks.readTestCard(Duration.ofSeconds(10));
            assertThat(outcome.passed()).as(outcome.text()).isTrue();
            assertThat(outcome.text()).startsWith("card read: RESIDENT").contains("photo present")
                    .doesNotContain("11010519491231002X").containsPattern("\\*{4,}");
        } finally {
            runtime.demoControls().orElseThrow().removeCard();
        }
    }

    @Test
    void noCardWithinTheTimeoutIsAFailedCheck() {
        CheckOutcome outcome = checks.readTestCard(Duration.ofMillis(600));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.text()).isEqualTo("no card could be read within 600 ms — place a test card");
    }

    @Test
    void theScannerIsArmedForOneTestCode() throws Exception {
        CompletableFuture<CheckOutcome> outcome = CompletableFuture.supplyAsync(() -> checks.scanTestCode(Duration.ofSeconds(10)));
        // the scanner is armed inside the check: send until it is received
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!runtime.scanner().orElseThrow().isArmed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        runtime.demoControls().orElseThrow().scan("TEST-CODE-4711");
        CheckOutcome result = outcome.get(15, TimeUnit.SECONDS);
        assertThat(result.passed()).as(result.text()).isTrue();
        assertThat(result.text()).isEqualTo("code received (14 characters): TEST-CODE-4711");
        assertThat(runtime.scanner().orElseThrow().isArmed()).as("disarmed after one code").isFalse();
    }

    @Test
    void anExternalCheckAsksTheDeviceAndAnUnknownOneFailsClearly() {
        CheckOutcome printer = checks.checkExternal("receiptPrinter");
        assertThat(printer.passed()).as(printer.text()).isTrue();
        assertThat(printer.text()).startsWith("ONLINE");

        runtime.demoControls().orElseThrow().receiptPaperOut(true);
        try {
            CheckOutcome empty = checks.checkExternal("receiptPrinter");
            assertThat(empty.passed()).isFalse();
            assertThat(empty.text()).containsIgnoringCase("paper").contains("load paper");
        } finally {
            runtime.demoControls().orElseThrow().receiptPaperOut(false);
            checks.checkExternal("receiptPrinter");
        }

        assertThat(checks.checkExternal("nothingHere").text()).contains("not configured");
    }

    @Test
    void theOverviewRemembersTheLastErrorFromTheDevicesEvents() {
        try (DeviceOverview overview = new DeviceOverview(runtime)) {
            runtime.demoControls().orElseThrow().receiptPaperOut(true);
            try {
                checks.testReceipt();
            } finally {
                runtime.demoControls().orElseThrow().receiptPaperOut(false);
                checks.checkExternal("receiptPrinter");
            }
            Optional<DeviceSnapshot> printer = overview.snapshot().stream()
                    .filter(d -> d.name().equals("receiptPrinter")).findFirst();
            assertThat(printer).isPresent();
            assertThat(printer.get().lastError()).get().asString().containsIgnoringCase("paper");
            assertThat(printer.get().usable()).isTrue();
            assertThat(printer.get().capabilities()).contains("CAN_CUT");
        }
    }
}
