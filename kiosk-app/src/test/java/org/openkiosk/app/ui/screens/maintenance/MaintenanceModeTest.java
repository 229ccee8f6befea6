package org.openkiosk.app.ui.screens.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.maintenance.AuditCapture;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Maintenance mode on the headless shell over the demo kiosk (every device a real driver on its wire-level
 * simulator): the hidden gesture, the PIN pad, a test receipt that reaches the simulated printer, the
 * out-of-service switch, the diagnostics export and the idle reset, with the audit lines each writes.
 */
class MaintenanceModeTest {

    @TempDir
    static Path tmp;

    static DefaultKioskRuntime runtime;
    static KioskConfig config;
    static Path configDir;
    static Path dataDir;

    private FxShell fx;

    @BeforeAll
    static void startKiosk() throws Exception {
        configDir = copyOfRepositoryConfig(tmp.resolve("config"));
        dataDir = tmp.resolve("data");
        config = ConfigLoader.load(configDir);
        runtime = DefaultKioskRuntime.start(config, configDir, dataDir, true, Clock.systemDefaultZone());
    }

    @AfterAll
    static void stopKiosk() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @AfterEach
    void closeShell() {
        if (fx != null) {
            fx.close();
        }
    }

    private void demoShell() {
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true).withDemo(true).withDirectories(configDir, dataDir));
        fx.fx(() -> fx.shell.showReady(config, runtime));
    }

    private String currentScreen() {
        return fx.fx(() -> fx.ctx().navigator().current().id());
    }

    /** Taps the header's top-left corner, as a finger would. */
    private void tapCorner(int times) {
        Node header = fx.node(".kiosk-header");
        for (int i = 0; i < times; i++) {
            javafx.geometry.Bounds bounds = fx.fx(() -> header.localToScreen(header.getBoundsInLocal()));
            fx.robot.clickOn(new Point2D(bounds.getMinX() + 30, bounds.getMinY() + 30), MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typePin(String pin) {
        for (char c : pin.toCharArray()) {
            fx.robot.clickOn("#maint-pin-" + c);
        }
        fx.robot.clickOn("#maint-pin-ok");
    }

    private void await(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx.fx(condition::get));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private String text(String query) {
        return fx.fx(() -> ((Label) fx.node(query)).getText());
    }

    private void enterMaintenance() {
        tapCorner(5);
        assertThat(currentScreen()).isEqualTo(PinScreen.ID);
        typePin("000000");
        await("the maintenance screen", () -> fx.ctx().navigator().current().id().equals(MaintenanceScreen.ID));
    }

    @Test
    void fiveTapsOnTheCornerOfTheAttractScreenOpenThePinPadWithTheDemoPin() {
        demoShell();
        tapCorner(4);
        assertThat(currentScreen()).isEqualTo(AttractScreen.ID);
        tapCorner(1);
        assertThat(currentScreen()).isEqualTo(PinScreen.ID);
        assertThat(text("#maint-pin-demo")).isEqualTo("演示 PIN 000000");
    }

    @Test
    void theGestureDoesNothingOnACitizensScreen() {
        demoShell();
        fx.robot.clickOn("#service-check-in");
        assertThat(currentScreen()).isEqualTo(IdentifyScreen.ID);
        tapCorner(5);
        assertThat(currentScreen()).isEqualTo(IdentifyScreen.ID);
        fx.fx(() -> {
            try {
                fx.ctx().sessions().start(org.openkiosk.app.session.IdentificationMethod.ID_CARD,
                        org.openkiosk.device.idcard.IdNumber.parse("11010519491231002X"));
            } catch (org.openkiosk.device.idcard.InvalidIdNumberException e) {
                throw new IllegalStateException(e);
            }
        });
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().attract()));
        tapCorner(5);
        assertThat(currentScreen()).as("a citizen session is open").isEqualTo(AttractScreen.ID);
    }

    @Test
    void aWrongPinIsRefusedAndTheRightOneOpensMaintenanceAudited() {
        demoShell();
        try (AuditCapture audit = new AuditCapture()) {
            tapCorner(5);
            typePin("123456");
            await("the refusal", () -> ((Label) fx.node("#maint-pin-message")).getText().contains("4"));
            assertThat(text("#maint-pin-message")).isEqualTo("PIN 不正确，还可尝试 4 次");
            assertThat(currentScreen()).isEqualTo(PinScreen.ID);
            assertThat(text("#maint-pin-dots")).isEmpty();

            typePin("000000");
            await("the maintenance screen", () -> fx.ctx().navigator().current().id().equals(MaintenanceScreen.ID));
            assertThat(fx.robot.lookup("#maint-device-idReader").tryQuery()).isPresent();
            assertThat(text("#maint-health-receiptPrinter")).contains("ENABLED").contains("ONLINE");

            fx.robot.clickOn("#maint-exit");
            assertThat(currentScreen()).isEqualTo(AttractScreen.ID);
            assertThat(audit.lines()).containsSubsequence(
                    "MAINT kiosk=K-0101 pin-refused failures=1/5",
                    "MAINT kiosk=K-0101 enter via=pin",
                    "MAINT kiosk=K-0101 exit reason=exit");
        }
    }

    @Test
    void aTestReceiptFromTheMaintenanceScreenReachesTheReceiptPrinter() {
        demoShell();
        var printer = runtime.simulators().receipt().orElseThrow();
        int before = printer.receipts().size();
        try (AuditCapture audit = new AuditCapture()) {
            enterMaintenance();
            fx.robot.clickOn("#maint-receiptPrinter-test");
            await("the test receipt's outcome", () -> ((Label) fx.node("#maint-result-status")).getText().equals("通过"));

            List<CapturedReceipt> receipts = printer.receipts();
            assertThat(receipts).hasSize(before + 1);
            CapturedReceipt receipt = receipts.get(receipts.size() - 1);
            assertThat(receipt.complete()).isTrue();
            assertThat(receipt.text()).contains("打印测试", "OpenKiosk receipt test page");
            assertThat(receipt.qrPayloads()).containsExactly("https://example.gov.cn/kiosk/test?q=测试");
            assertThat(text("#maint-result")).startsWith("test receipt printed (job ");
            assertThat(audit.lines()).anyMatch(l -> l.startsWith("MAINT kiosk=K-0101 action=test-receipt outcome=OK: test receipt printed"));
            // the device list shows the print in the statistics
            await("the refreshed statistics", () -> fx.robot.lookup(".maint-small").queryAll().stream()
                    .anyMatch(n -> ((Label) n).getText().contains("prints=")));
            fx.fx(() -> org.openkiosk.app.ui.testing.ScreenRenderer.render(fx.shell.scene(), "maintenance-devices-zh"));
        }
    }

    @Test
    void outOfServiceShowsEMaintUntilTheTechnicianPutsTheKioskBack() {
        demoShell();
        try (AuditCapture audit = new AuditCapture()) {
            enterMaintenance();
            fx.robot.clickOn("#maint-service-toggle");
            await("the switch on disk", () -> text("#maint-service-state").contains("E-MAINT"));
            assertThat(text("#maint-service-state")).isEqualTo("状态：暂停服务（E-MAINT）");
            fx.robot.clickOn("#maint-exit");

            assertThat(currentScreen()).isEqualTo(MaintenanceOutOfServiceScreen.ID);
            assertThat(text("#maint-oos-code")).isEqualTo(ServiceState.CODE);
            // the idle reset keeps the kiosk out of service
            fx.clock.advance(Duration.ofMinutes(10));
            fx.fx(() -> fx.shell.idle().orElseThrow().tick());
            fx.fx(() -> fx.ctx().endSession());
            assertThat(currentScreen()).isEqualTo(MaintenanceOutOfServiceScreen.ID);

            enterMaintenance();
            fx.robot.clickOn("#maint-service-toggle");
            await("back in service on disk", () -> !text("#maint-service-state").contains("E-MAINT"));
            fx.robot.clickOn("#maint-exit");
            assertThat(currentScreen()).isEqualTo(AttractScreen.ID);
            assertThat(audit.lines()).containsSubsequence(
                    "MAINT kiosk=K-0101 action=out-of-service outcome=E-MAINT technician maintenance",
                    "MAINT kiosk=K-0101 exit reason=exit",
                    "MAINT kiosk=K-0101 enter via=pin",
                    "MAINT kiosk=K-0101 action=back-in-service outcome=in service");
        }
    }

    @Test
    void theIdleResetLeavesMaintenanceModeAndSaysSoInTheAuditLog() {
        demoShell();
        try (AuditCapture audit = new AuditCapture()) {
            enterMaintenance();
            fx.clock.advance(config.ui().idleTimeout().plusSeconds(1));
            fx.fx(() -> fx.shell.idle().orElseThrow().tick());
            fx.clock.advance(config.ui().idleWarning().plusSeconds(1));
            fx.fx(() -> fx.shell.idle().orElseThrow().tick());
            assertThat(currentScreen()).isEqualTo(AttractScreen.ID);
            assertThat(audit.lines()).contains("MAINT kiosk=K-0101 exit reason=idle-timeout");
        }
    }

    @Test
    void diagnosticsExportedFromTheScreenHoldLiveDeviceStateAndNothingSecret() throws Exception {
        demoShell();
        enterMaintenance();
        fx.robot.clickOn("#maint-export");
        await("the export", () -> ((Label) fx.node("#maint-result-status")).getText().equals("诊断包已导出"));
        Path zip = Path.of(text("#maint-result"));
        assertThat(zip).startsWith(dataDir.toAbsolutePath()).exists();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            String devices = new String(file.getInputStream(file.getEntry("devices.txt")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(devices).contains("receiptPrinter (RECEIPT_PRINTER, required)", "state:        ENABLED",
                    "capabilities: ", "serial ports:");
            String audit = new String(file.getInputStream(file.getEntry("audit-verification.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(audit).startsWith("audit trail intact");
            assertThat(file.getEntry("config/certificate-signing.yaml")).isNotNull();
            assertThat(file.stream().map(java.util.zip.ZipEntry::getName)).noneMatch(n -> n.endsWith(".pem"));
        }
    }

    @Test
    void logsPortsAndTheConfigurationAreShownAndProblemsListed() throws Exception {
        demoShell();
        enterMaintenance();
        fx.robot.clickOn("#maint-nav-config");
        fx.robot.clickOn("#maint-config-validate");
        await("the verdict", () -> fx.robot.lookup("#maint-config-verdict").tryQuery().isPresent());
        assertThat(text("#maint-config-verdict")).isEqualTo("配置有效");
        // a log with a known last line, and an old line with a full ID number that must not be shown in full
        Path logFile = org.openkiosk.app.logging.KioskLogging.logDirectory(dataDir).resolve("kiosk.log");
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "2026-12-02 06:00:00 INFO  lookup for 11010519491231002X\n"
                + "2026-12-02 06:00:01 INFO  maintenance test marker line\n");
        fx.robot.clickOn("#maint-nav-logs");
        await("the log lines", () -> fx.robot.lookup("#maint-log-lines").tryQuery().isPresent());
        assertThat(text("#maint-log-lines")).contains("maintenance test marker line")
                .doesNotContain("11010519491231002X").contains("lookup for ");
        fx.robot.clickOn("#maint-nav-ports");
        await("the ports", () -> fx.robot.lookup("#maint-ports").tryQuery().isPresent());
        assertThat(fx.fx(() -> fx.robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> String.valueOf(((Label) n).getText()).contains("receiptPrinter → escpos sim:")))).isTrue();

        Path file = configDir.resolve("kiosk.yaml");
        String good = Files.readString(file);
        try {
            Files.writeString(file, good.replace("language: zh", "language: fr").replace("touchMode: true", "touchMode: maybe"));
            fx.robot.clickOn("#maint-nav-config");
            fx.robot.clickOn("#maint-config-validate");
            await("the problems", () -> fx.robot.lookup("#maint-config-verdict").tryQuery()
                    .map(n -> ((Label) n).getText().contains("2")).orElse(false));
            assertThat(text("#maint-config-verdict")).isEqualTo("配置有 2 个问题");
        } finally {
            Files.writeString(file, good);
        }
    }

    @Test
    void theTechnicianSetsTheVoiceVolumeItIsUsedAtOnceAndKeptInKioskYaml() throws Exception {
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.openkiosk.app.voice.SpeechEngine recording = (language, volume, text) -> {
            said.add(volume + " " + text);
            return org.openkiosk.app.voice.SpeechEngine.SILENT.start(language, volume, text);
        };
        Path file = configDir.resolve("kiosk.yaml");
        String good = Files.readString(file);
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true).withDemo(true).withDirectories(configDir, dataDir));
        fx.fx(() -> {
            fx.shell.setSpeechEngine(recording);
            fx.shell.showReady(config, runtime);
        });
        try {
            enterMaintenance();
            fx.robot.clickOn("#maint-nav-config");
            assertThat(text("#maint-voice-volume")).isEqualTo("100");
            fx.robot.clickOn("#maint-voice-louder");
            fx.robot.clickOn("#maint-voice-louder");
            assertThat(text("#maint-voice-volume")).isEqualTo("140");
            await("saved", () -> "音量已保存到 kiosk.yaml".equals(((Label) fx.node("#maint-result-status")).getText()));
            assertThat(ConfigLoader.load(configDir).ui().voice().volume()).isEqualTo(140);
            assertThat(Files.readString(file)).isEqualTo(good.replace("    volume: 100     ", "    volume: 140     "));

            fx.robot.clickOn("#maint-voice-test");
            await("the test prompt", () -> said.contains("140 这是语音引导的试听。"));
        } finally {
            Files.writeString(file, good);
        }
    }

    static Path copyOfRepositoryConfig(Path target) throws IOException {
        return org.openkiosk.app.maintenance.RepositoryConfig.copyTo(target);
    }
}
