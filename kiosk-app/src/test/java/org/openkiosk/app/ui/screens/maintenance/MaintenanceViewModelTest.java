package org.openkiosk.app.ui.screens.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.maintenance.AuditCapture;
import org.openkiosk.app.maintenance.MaintenanceAccess;
import org.openkiosk.app.maintenance.RepositoryConfig;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.ui.screens.maintenance.MaintenanceViewModel.Config;
import org.openkiosk.app.ui.screens.maintenance.MaintenanceViewModel.Devices;
import org.openkiosk.app.ui.screens.maintenance.MaintenanceViewModel.Logs;
import org.openkiosk.app.ui.screens.maintenance.MaintenanceViewModel.Ports;
import org.openkiosk.app.ui.screens.maintenance.MaintenanceViewModel.Section;
import org.openkiosk.app.ui.work.BackgroundWork;

/**
 * The maintenance screen's logic without JavaFX's toolkit or a scene: the outcomes of background work are handed to
 * a queue that the test runs as the UI thread would, one at a time, so nothing is timed.
 */
class MaintenanceViewModelTest {

    @TempDir
    Path tmp;

    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private final BackgroundWork work = new BackgroundWork(uiThread::add);
    private final Clock clock = Clock.systemUTC();
    private Path configDir;
    private Path dataDir;
    private KioskConfig config;
    private ServiceState serviceState;
    private int volume = 100;
    private int spoken;

    @BeforeEach
    void configuration() throws Exception {
        configDir = RepositoryConfig.copyTo(tmp.resolve("config"));
        dataDir = tmp.resolve("data");
        config = ConfigLoader.load(configDir);
        serviceState = new ServiceState(clock);
    }

    @AfterEach
    void stop() {
        work.close();
    }

    private MaintenanceViewModel model(MaintenanceAccess access) {
        MaintenanceViewModel.ServiceSwitch serviceSwitch = new MaintenanceViewModel.ServiceSwitch() {
            @Override
            public void takeOutOfService(String reason) {
                serviceState.takeOutOfService(reason);
                access.action("out-of-service", ServiceState.CODE + " " + reason);
            }

            @Override
            public void backInService() {
                serviceState.backInService();
                access.action("back-in-service", "in service");
            }
        };
        MaintenanceViewModel.Volume voice = new MaintenanceViewModel.Volume() {
            @Override
            public int volume() {
                return volume;
            }

            @Override
            public void setVolume(int v) {
                volume = v;
            }

            @Override
            public void tryOut() {
                spoken++;
            }
        };
        return new MaintenanceViewModel(access, serviceState, serviceSwitch, configDir, dataDir, config,
                Optional.empty(), Optional.empty(), Optional.of(voice), work, uiThread::add, clock);
    }

    private MaintenanceViewModel model() {
        return model(MaintenanceAccess.of(config, true, clock));
    }

    /** Runs the next outcome handed to the UI thread, as the JavaFX thread would. */
    private void deliver() throws InterruptedException {
        Runnable next = uiThread.poll(30, TimeUnit.SECONDS);
        assertThat(next).as("an outcome for the UI thread").isNotNull();
        next.run();
    }

    @Test
    void withoutARuntimeTheDeviceSectionSaysSoAndOffersNoChecks() {
        MaintenanceViewModel model = model();
        model.shown();

        assertThat(model.sectionProperty().get()).isEqualTo(Section.DEVICES);
        assertThat(model.contentProperty().get()).isEqualTo(new Devices(false, List.of()));
        assertThat(model.hasChecks()).isFalse();
        assertThat(model.testFor("receiptPrinter")).contains(MaintenanceViewModel.DeviceTest.RECEIPT);
        assertThat(model.testFor("somethingElse")).isEmpty();
    }

    @Test
    void theSwitchIsShownOnlyOnceItIsOnDiskAndBothWaysAreAudited() throws Exception {
        try (AuditCapture audit = new AuditCapture()) {
            MaintenanceViewModel model = model();
            model.toggleService();
            assertThat(model.outOfServiceProperty().get()).as("not before the work is done").isFalse();
            deliver();
            assertThat(model.outOfServiceProperty().get()).isTrue();
            assertThat(serviceState.inService()).isFalse();

            model.toggleService();
            deliver();
            assertThat(model.outOfServiceProperty().get()).isFalse();
            assertThat(audit.lines()).containsSubsequence(
                    "MAINT kiosk=K-0101 action=out-of-service outcome=E-MAINT technician maintenance",
                    "MAINT kiosk=K-0101 action=back-in-service outcome=in service");
        }
    }

    @Test
    void validatingListsEveryProblemOfTheDirectory() throws Exception {
        MaintenanceViewModel model = model();
        model.showConfig();
        model.validateConfig();
        deliver();
        assertThat(((Config) model.contentProperty().get()).problems()).contains(List.of());

        Path kioskYaml = configDir.resolve("kiosk.yaml");
        Files.writeString(kioskYaml, Files.readString(kioskYaml).replace("language: zh", "language: fr")
                .replace("touchMode: true", "touchMode: maybe"));
        model.validateConfig();
        deliver();
        Config config = (Config) model.contentProperty().get();
        assertThat(config.problems().orElseThrow()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("kiosk.yaml:").contains("language"));
        assertThat(config.directory()).isEqualTo(configDir.toAbsolutePath());
    }

    @Test
    void theLogSectionShowsTheLastLinesWithIdNumbersMasked() throws Exception {
        Path log = KioskLogging.logDirectory(dataDir).resolve("kiosk.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "06:00:00 INFO lookup for 11010519491231002X\n06:00:01 INFO marker\n");
        try (AuditCapture audit = new AuditCapture()) {
            MaintenanceViewModel model = model();
            model.showLogs();
            assertThat(model.sectionProperty().get()).isEqualTo(Section.LOGS);
            deliver();

            Logs logs = (Logs) model.contentProperty().get();
            assertThat(logs.file()).isEqualTo(log);
            assertThat(String.join("\n", logs.lines())).contains("marker", "lookup for ")
                    .doesNotContain("11010519491231002X");
            assertThat(audit.lines()).contains("MAINT kiosk=K-0101 action=read-logs outcome=2 lines of kiosk.log");
        }
    }

    @Test
    void thePortsSectionNamesWhereEachDeviceIsConfigured() throws Exception {
        MaintenanceViewModel model = model();
        model.showPorts();
        assertThat(model.contentProperty().get()).isInstanceOf(MaintenanceViewModel.Loading.class);
        deliver();

        Ports ports = (Ports) model.contentProperty().get();
        assertThat(ports.configured()).extracting(MaintenanceViewModel.PortLink::device)
                .containsExactlyInAnyOrderElementsOf(config.devices().keySet());
        assertThat(ports.configured()).filteredOn(l -> l.device().equals("receiptPrinter")).singleElement()
                .satisfies(l -> {
                    assertThat(l.driver()).isEqualTo("escpos");
                    assertThat(l.uri()).startsWith("sim:");
                    assertThat(l.present()).as("not a device file").isEmpty();
                });
    }

    @Test
    void theVolumeStaysWithinItsRangeAndIsKeptInKioskYaml() throws Exception {
        MaintenanceViewModel model = model();
        assertThat(model.volumeProperty().get()).isEqualTo(100);
        List<String> lines;
        try (AuditCapture audit = new AuditCapture()) {
            for (int i = 0; i < 6; i++) {
                model.changeVolume(MaintenanceViewModel.VOLUME_STEP);
                deliver();
            }
            lines = audit.lines();
        }
        // a configuration change in the audit trail (issue 15): the whole directory's digest after the edit
        assertThat(lines).filteredOn(l -> l.contains("configuration-changed")).hasSize(6).last()
                .isEqualTo("MAINT kiosk=K-0101 configuration-changed file=kiosk.yaml how=maintenance-screen sha256="
                        + org.openkiosk.app.runtime.ConfigurationChanges.digest(configDir));
        assertThat(volume).isEqualTo(200);
        assertThat(model.volumeProperty().get()).isEqualTo(200);
        assertThat(model.resultProperty().get())
                .isEqualTo(new MaintenanceViewModel.Result("maint.voice.saved", "ui.voice.volume: 200"));
        assertThat(ConfigLoader.load(configDir).ui().voice().volume()).isEqualTo(200);
        model.tryVoice();
        assertThat(spoken).isEqualTo(1);
    }

    @Test
    void leavingEndsMaintenanceModeWithTheReasonWhyItWasLeft() {
        try (AuditCapture audit = new AuditCapture()) {
            MaintenanceAccess access = MaintenanceAccess.of(config, true, clock);
            access.enter("000000".toCharArray());
            MaintenanceViewModel idle = model(access);
            idle.shown();
            idle.hidden();
            access.enter("000000".toCharArray());
            MaintenanceViewModel exited = model(access);
            exited.shown();
            exited.exitPressed();
            exited.hidden();
            assertThat(audit.lines()).containsSubsequence("MAINT kiosk=K-0101 exit reason=idle-timeout",
                    "MAINT kiosk=K-0101 exit reason=exit");
        }
    }
}
