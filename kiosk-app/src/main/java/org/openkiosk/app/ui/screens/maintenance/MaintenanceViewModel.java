package org.openkiosk.app.ui.screens.maintenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.VoiceSettings;
import org.openkiosk.app.config.VoiceVolumeEdit;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.maintenance.CheckOutcome;
import org.openkiosk.app.maintenance.DeviceOverview;
import org.openkiosk.app.maintenance.DeviceReport;
import org.openkiosk.app.maintenance.DeviceSnapshot;
import org.openkiosk.app.maintenance.DiagnosticsBundle;
import org.openkiosk.app.maintenance.InteractiveChecks;
import org.openkiosk.app.maintenance.LogTail;
import org.openkiosk.app.maintenance.MaintenanceAccess;
import org.openkiosk.app.maintenance.SerialPorts;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.runtime.ConfigurationChanges;
import org.openkiosk.app.runtime.KioskConfiguration;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.ui.work.BackgroundWork;

/**
 * What the technician's screen shows and does, without a scene graph (ADR 0134): which section is open and its
 * content, the running check and the last result, the out-of-service switch and the voice volume. Every device, file
 * and store action runs through {@link BackgroundWork}; each is audited through {@link MaintenanceAccess}. Texts are
 * message keys (translated by the view) or technical facts shown as they are. Call on the UI thread.
 */
public final class MaintenanceViewModel {

    static final Duration CARD_TIMEOUT = Duration.ofSeconds(20);
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(20);
    static final int LOG_LINES = 40;
    static final int VOLUME_STEP = 20;
    static final String REASON = "technician maintenance";

    public enum Section { DEVICES, PORTS, CONFIG, LOGS }

    /** What the open section shows. */
    public sealed interface Content {
    }

    /** Work for the section is under way. */
    public record Loading() implements Content {
    }

    /** The devices, live; empty {@code devices} with {@code runtime == false} when no runtime is connected. */
    public record Devices(boolean runtime, List<DeviceSnapshot> devices) implements Content {
    }

    /** Where each device is configured (for a device file, whether it exists now), and the serial ports present. */
    public record Ports(List<PortLink> configured, List<String> present) implements Content {
    }

    /** {@code present} is empty when the device is not a device file. */
    public record PortLink(String device, String driver, String uri, Optional<Boolean> present) {
    }

    /** The configuration directory; after a validation its problems (none: valid), or why it could not run. */
    public record Config(Path directory, Optional<List<String>> problems, Optional<String> failure) implements Content {
    }

    /** The last lines of the kiosk log (full ID numbers already masked by {@link LogTail}). */
    public record Logs(Path file, List<String> lines) implements Content {
    }

    /** The section's work failed. */
    public record Failed(String message) implements Content {
    }

    /** The result panel: a message key for the status and the technical detail below it. */
    public record Result(String statusKey, String detail) {
        static final Result NONE = new Result("", "");
    }

    /** The out-of-service switch (audited by its implementation). */
    public interface ServiceSwitch {
        void takeOutOfService(String reason);

        void backInService();
    }

    /** The spoken guidance's volume, when the kiosk speaks. */
    public interface Volume {
        int volume();

        void setVolume(int volume);

        /** Says the test prompt at the current volume. */
        void tryOut();
    }

    /** The interactive check a device offers besides "check device", by its logical name. */
    public enum DeviceTest {
        RECEIPT("maint.device.testReceipt"), A4("maint.device.testA4"), CARD("maint.device.readCard"),
        SCAN("maint.device.scanCode");

        public final String messageKey;

        DeviceTest(String messageKey) {
            this.messageKey = messageKey;
        }

        static Optional<DeviceTest> of(String deviceName) {
            return Optional.ofNullable(switch (deviceName) {
                case KioskConfig.RECEIPT_PRINTER -> RECEIPT;
                case KioskConfig.A4_PRINTER -> A4;
                case KioskConfig.ID_READER -> CARD;
                case KioskConfig.SCANNER -> SCAN;
                default -> null;
            });
        }
    }

    private final MaintenanceAccess access;
    private final ServiceState serviceState;
    private final ServiceSwitch serviceSwitch;
    private final Path configDir;
    private final Path dataDir;
    private final KioskConfig config;
    private final Optional<KioskRuntime> runtime;
    private final Optional<InteractiveChecks> checks;
    private final Optional<Volume> voice;
    private final BackgroundWork work;
    private final Executor uiThread;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(this, "section", Section.DEVICES);
    private final ReadOnlyObjectWrapper<Content> content = new ReadOnlyObjectWrapper<>(this, "content", new Loading());
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result", Result.NONE);
    private final ReadOnlyBooleanWrapper checkRunning = new ReadOnlyBooleanWrapper(this, "checkRunning");
    private final ReadOnlyBooleanWrapper outOfService = new ReadOnlyBooleanWrapper(this, "outOfService");
    private final ReadOnlyIntegerWrapper volume = new ReadOnlyIntegerWrapper(this, "volume");
    private final List<BackgroundWork.Job> jobs = new ArrayList<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** Subscribed to the device registry while the screen is shown. */
    private Optional<DeviceOverview> overview = Optional.empty();
    private String exitReason = "idle-timeout";

    /**
     * @param uiThread where device events from driver threads are handed to (the JavaFX thread; tests: direct)
     */
    public MaintenanceViewModel(MaintenanceAccess access, ServiceState serviceState, ServiceSwitch serviceSwitch,
                                Path configDir, Path dataDir, KioskConfig config, Optional<KioskRuntime> runtime,
                                Optional<InteractiveChecks> checks, Optional<Volume> voice, BackgroundWork work,
                                Executor uiThread, Clock clock) {
        this.access = access;
        this.serviceState = serviceState;
        this.serviceSwitch = serviceSwitch;
        this.configDir = configDir;
        this.dataDir = dataDir;
        this.config = config;
        this.runtime = runtime;
        this.checks = checks;
        this.voice = voice;
        this.work = work;
        this.uiThread = uiThread;
        this.clock = clock;
        outOfService.set(!serviceState.inService());
        voice.ifPresent(v -> volume.set(v.volume()));
    }

    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Content> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkRunningProperty() {
        return checkRunning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outOfServiceProperty() {
        return outOfService.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty volumeProperty() {
        return volume.getReadOnlyProperty();
    }

    public boolean hasChecks() {
        return checks.isPresent();
    }

    public boolean hasVoice() {
        return voice.isPresent();
    }

    public Path configDir() {
        return configDir;
    }

    /** The screen is shown: follow the devices and open their list. */
    public void shown() {
        overview = runtime.map(DeviceOverview::new);
        overview.ifPresent(o -> o.addListener(name -> {
            if (refreshQueued.compareAndSet(false, true)) {
                uiThread.execute(() -> {
                    refreshQueued.set(false);
                    if (section.get() == Section.DEVICES) {
                        showDevices();
                    }
                });
            }
        }));
        showDevices();
    }

    /** Leaving the screen ends maintenance mode (audited): by the exit button, or the idle reset. */
    public void hidden() {
        jobs.forEach(BackgroundWork.Job::cancel);
        jobs.clear();
        overview.ifPresent(DeviceOverview::close);
        overview = Optional.empty();
        access.exit(exitReason);
    }

    /** The exit button: the screen is left with reason "exit" rather than the idle reset's. */
    public void exitPressed() {
        exitReason = "exit";
    }

    // ---- devices -------------------------------------------------------------------------------------------

    public void showDevices() {
        section.set(Section.DEVICES);
        content.set(new Devices(overview.isPresent(), overview.map(DeviceOverview::snapshot).orElse(List.of())));
    }

    /** The test {@code device} offers besides the generic check, if any. */
    public Optional<DeviceTest> testFor(String device) {
        return DeviceTest.of(device);
    }

    public void runTest(String device) {
        InteractiveChecks c = checks.orElseThrow();
        DeviceTest test = DeviceTest.of(device).orElseThrow();
        runCheck(switch (test) {
            case RECEIPT -> c::testReceipt;
            case A4 -> c::testA4Page;
            case CARD -> () -> c.readTestCard(CARD_TIMEOUT);
            case SCAN -> () -> c.scanTestCode(SCAN_TIMEOUT);
        });
    }

    public void runDeviceCheck(String device) {
        InteractiveChecks c = checks.orElseThrow();
        runCheck(() -> c.checkExternal(device));
    }

    private void runCheck(Callable<CheckOutcome> check) {
        checkRunning.set(true);
        result.set(new Result("maint.result.running", ""));
        jobs.add(work.run(check, outcome -> {
            checkRunning.set(false);
            showOutcome(outcome);
            if (section.get() == Section.DEVICES) {
                showDevices();
            }
        }, failure -> {
            checkRunning.set(false);
            showOutcome(CheckOutcome.failed(failure.toString()));
        }));
    }

    private void showOutcome(CheckOutcome outcome) {
        result.set(new Result(outcome.passed() ? "maint.result.passed" : "maint.result.failed", outcome.text()));
    }

    // ---- ports ---------------------------------------------------------------------------------------------

    public void showPorts() {
        section.set(Section.PORTS);
        content.set(new Loading());
        Map<String, DeviceConfig> devices = config.devices();
        jobs.add(work.run(() -> new Ports(devices.entrySet().stream().map(e -> link(e.getKey(), e.getValue())).toList(),
                SerialPorts.list().stream().map(SerialPorts.Port::toString).toList()), found -> {
            access.action("list-ports", found.present().isEmpty() ? "none" : found.present().size() + " ports");
            content.set(found);
        }, failure -> content.set(new Failed(failure.getMessage()))));
    }

    /** Where a device is configured, and for a device file whether it exists now. Runs on a worker. */
    private static PortLink link(String name, DeviceConfig device) {
        String target = device.uri().target();
        boolean deviceFile = target != null && target.startsWith("/dev/");
        return new PortLink(name, device.driver(), device.uri().toString(),
                deviceFile ? Optional.of(Files.exists(Path.of(target))) : Optional.empty());
    }

    // ---- configuration -------------------------------------------------------------------------------------

    public void showConfig() {
        section.set(Section.CONFIG);
        content.set(new Config(configDir.toAbsolutePath(), Optional.empty(), Optional.empty()));
    }

    public void validateConfig() {
        jobs.add(work.run(() -> {
            try {
                KioskConfiguration.load(configDir);
                return List.<String>of();
            } catch (ConfigException e) {
                return e.problems().stream().map(Object::toString).toList();
            }
        }, problems -> {
            access.action("validate-configuration", problems.isEmpty() ? "valid" : problems.size() + " problems");
            section.set(Section.CONFIG);
            content.set(new Config(configDir.toAbsolutePath(), Optional.of(problems), Optional.empty()));
        }, failure -> content.set(new Config(configDir.toAbsolutePath(), Optional.empty(),
                Optional.of(failure.toString())))));
    }

    /** Spoken guidance volume: applied at once, kept in kiosk.yaml (ui.voice.volume) when the file has that line. */
    public void changeVolume(int delta) {
        Volume v = voice.orElseThrow();
        int next = Math.max(VoiceSettings.MIN_VOLUME, Math.min(VoiceSettings.MAX_VOLUME, v.volume() + delta));
        v.setVolume(next);
        volume.set(next);
        jobs.add(work.run(() -> VoiceVolumeEdit.write(configDir, next)
                .map(written -> ConfigurationChanges.digest(configDir)), digest -> {
            boolean saved = digest.isPresent();
            access.action("voice-volume", next + (saved ? " (kiosk.yaml)" : " (this run only)"));
            digest.ifPresent(sha -> access.audit().configurationChanged(ConfigLoader.KIOSK_FILE,
                    ConfigurationChanges.MAINTENANCE_SCREEN, sha));
            result.set(new Result(saved ? "maint.voice.saved" : "maint.voice.notInFile", "ui.voice.volume: " + next));
        }, failure -> {
            access.action("voice-volume", next + " not saved: " + failure.getMessage());
            result.set(new Result("maint.voice.failed", String.valueOf(failure.getMessage())));
        }));
    }

    public void tryVoice() {
        voice.orElseThrow().tryOut();
    }

    // ---- logs ----------------------------------------------------------------------------------------------

    public void showLogs() {
        section.set(Section.LOGS);
        Path log = KioskLogging.logDirectory(dataDir).resolve("kiosk.log");
        jobs.add(work.run(() -> LogTail.read(log, LOG_LINES), lines -> {
            access.action("read-logs", lines.size() + " lines of " + log.getFileName());
            content.set(new Logs(log, lines));
        }, failure -> content.set(new Failed(failure.toString()))));
    }

    // ---- diagnostics, service ------------------------------------------------------------------------------

    public void exportDiagnostics() {
        result.set(new Result("maint.result.running", ""));
        DiagnosticsBundle bundle = new DiagnosticsBundle(configDir, dataDir, clock)
                .kioskId(config.kiosk().id())
                .serviceState(serviceState);
        overview.ifPresent(o -> bundle.deviceReport(() -> DeviceReport.format(o.snapshot(), serialPortLines())));
        runtime.ifPresent(r -> bundle.auditCheck(() -> r.services().audit().verify()));
        jobs.add(work.run(() -> bundle.export(Optional.empty()), path -> {
            access.action("export-diagnostics", path.toString());
            result.set(new Result("maint.export.done", path.toString()));
        }, failure -> {
            access.action("export-diagnostics", "failed: " + failure.getMessage());
            result.set(new Result("maint.export.failed", String.valueOf(failure.getMessage())));
        }));
    }

    private static List<String> serialPortLines() {
        try {
            return SerialPorts.list().stream().map(SerialPorts.Port::toString).toList();
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
    }

    /** The switch is persisted (a file write): done off the UI thread, the state shown once it is on disk. */
    public void toggleService() {
        boolean takeOut = serviceState.inService();
        jobs.add(work.run(() -> {
            if (takeOut) {
                serviceSwitch.takeOutOfService(REASON);
            } else {
                serviceSwitch.backInService();
            }
            return serviceState.inService();
        }, inService -> outOfService.set(!inService), failure -> {
            result.set(new Result("maint.result.failed", String.valueOf(failure.getMessage())));
            outOfService.set(!serviceState.inService());
        }));
    }
}
