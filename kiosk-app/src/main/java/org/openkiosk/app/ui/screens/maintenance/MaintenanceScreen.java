package org.openkiosk.app.ui.screens.maintenance;

import org.openkiosk.app.config.VoiceSettings;
import org.openkiosk.app.config.VoiceVolumeEdit;
import javafx.scene.layout.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.runtime.KioskConfiguration;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.logging.KioskLogging;
import org.openkiosk.app.maintenance.CheckOutcome;
import org.openkiosk.app.maintenance.DeviceOverview;
import org.openkiosk.app.maintenance.DeviceReport;
import org.openkiosk.app.maintenance.DeviceSnapshot;
import org.openkiosk.app.maintenance.DiagnosticsBundle;
import org.openkiosk.app.maintenance.InteractiveChecks;
import org.openkiosk.app.maintenance.LogTail;
import org.openkiosk.app.maintenance.SerialPorts;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.UiText;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.work.BackgroundWork;

/**
 * The technician's screen: every device with its live state and last error and buttons for its interactive
 * checks; the serial ports present; configuration validation; the last log lines; the diagnostics export; the
 * out-of-service switch; exit. All device, file and store work runs through {@link BackgroundWork}; device events
 * refresh the list. Idle-timed like any screen: the idle reset ends maintenance mode (audited).
 */
public final class MaintenanceScreen implements Screen {

    public static final String ID = "maintenance";
    static final Duration CARD_TIMEOUT = Duration.ofSeconds(20);
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(20);
    static final int LOG_LINES = 40;
    static final String REASON = "technician maintenance";

    private final UiContext ctx;
    private final MaintenanceMode mode;
    private final Optional<InteractiveChecks> checks;
    /** Subscribed to the device registry while the screen is shown. */
    private Optional<DeviceOverview> overview = Optional.empty();
    private final List<BackgroundWork.Job> jobs = new ArrayList<>();
    private final BooleanProperty checkRunning = new SimpleBooleanProperty(this, "checkRunning");
    private final BooleanProperty outOfService = new SimpleBooleanProperty(this, "outOfService");
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final Label sectionTitle = new Label();
    private final VBox content = new VBox(16);
    private final Label resultStatus = new Label();
    private final Label resultText = UiText.data(new Label());
    private String section = "devices";
    private String exitReason = "idle-timeout";
    private HBox view;

    public MaintenanceScreen(UiContext ctx) {
        this.ctx = ctx;
        this.mode = ctx.maintenance();
        this.checks = mode.checks();
        outOfService.set(!mode.serviceState().inService());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    @Override
    public void onShow() {
        overview = ctx.hasRuntime() ? Optional.of(new DeviceOverview(ctx.runtime())) : Optional.empty();
        overview.ifPresent(o -> o.addListener(name -> {
            if (refreshQueued.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    refreshQueued.set(false);
                    if ("devices".equals(section)) {
                        showDevices();
                    }
                });
            }
        }));
        showDevices();
    }

    /** Leaving the screen ends maintenance mode: by the exit button, or the idle reset. */
    @Override
    public void onHide() {
        jobs.forEach(BackgroundWork.Job::cancel);
        jobs.clear();
        overview.ifPresent(DeviceOverview::close);
        overview = Optional.empty();
        mode.access().exit(exitReason);
    }

    private HBox build() {
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(ctx.messages().text("maint.title"));
        Label state = new Label();
        state.setId("maint-service-state");
        state.getStyleClass().add("body-text");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.when(outOfService)
                .then(ctx.messages().text("maint.state.out")).otherwise(ctx.messages().text("maint.state.in")));

        Button devices = navButton("maint.nav.devices", "maint-nav-devices", this::showDevices);
        Button ports = navButton("maint.nav.ports", "maint-nav-ports", this::showPorts);
        Button config = navButton("maint.nav.config", "maint-nav-config", this::showConfig);
        Button logs = navButton("maint.nav.logs", "maint-nav-logs", this::showLogs);
        Button export = navButton("maint.action.export", "maint-export", this::exportDiagnostics);
        Button service = new Button();
        service.setId("maint-service-toggle");
        service.getStyleClass().add("secondary-button");
        service.setMaxWidth(Double.MAX_VALUE);
        service.textProperty().bind(Bindings.when(outOfService)
                .then(ctx.messages().text("maint.action.backInService"))
                .otherwise(ctx.messages().text("maint.action.outOfService")));
        service.setOnAction(e -> toggleService());
        Button exit = new Button();
        exit.setId("maint-exit");
        exit.getStyleClass().add("primary-button");
        exit.setMaxWidth(Double.MAX_VALUE);
        exit.textProperty().bind(ctx.messages().text("maint.action.exit"));
        exit.setOnAction(e -> {
            exitReason = "exit";
            mode.exit("exit");
        });
        VBox nav = new VBox(16, title, state, devices, ports, config, logs, export, service, exit);
        nav.setMinWidth(420);
        nav.setPrefWidth(420);

        sectionTitle.getStyleClass().add("screen-subtitle");
        sectionTitle.setId("maint-section-title");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPannable(true); // a finger drags the list
        scroll.getStyleClass().add("maint-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        resultStatus.setId("maint-result-status");
        resultStatus.getStyleClass().add("screen-subtitle");
        resultText.setId("maint-result");
        resultText.getStyleClass().add("body-text");
        resultText.setWrapText(true);
        VBox result = new VBox(8, resultStatus, resultText);
        result.getStyleClass().add("maint-card");
        VBox main = new VBox(16, sectionTitle, scroll, result);
        HBox.setHgrow(main, Priority.ALWAYS);

        HBox box = new HBox(32, nav, main);
        box.getStyleClass().addAll("screen", "maint-screen");
        return box;
    }

    // ---- devices -------------------------------------------------------------------------------------------

    private void showDevices() {
        section = "devices";
        sectionTitle.textProperty().bind(ctx.messages().text("maint.nav.devices"));
        if (overview.isEmpty()) {
            content.getChildren().setAll(message("maint.noRuntime"));
            return;
        }
        List<Node> cards = new ArrayList<>();
        for (DeviceSnapshot device : overview.get().snapshot()) {
            cards.add(card(device));
        }
        content.getChildren().setAll(cards);
    }

    private VBox card(DeviceSnapshot d) {
        Label name = data(d.name() + "  (" + d.deviceClass() + (d.required() ? ", required" : ", optional") + ")",
                "maint-device-name");
        name.setId("maint-device-" + d.name());
        Label attached = data(d.description(), "body-text");
        Label health = data(d.state() + " · " + d.health() + " · " + d.healthText(), "body-text");
        health.setId("maint-health-" + d.name());
        VBox card = new VBox(6, name, attached, health);
        if (!d.usable()) {
            card.getChildren().add(data("→ " + d.recommendedAction(), "error-text"));
        }
        card.getChildren().add(data("statistics " + (d.statistics().isEmpty() ? "none" : d.statistics())
                + "   capabilities " + (d.capabilities().isEmpty() ? "none" : String.join(", ", d.capabilities())),
                "maint-small"));
        Label lastError = data("last error: " + d.lastError().orElse("none"),
                d.lastError().isPresent() ? "error-text" : "maint-small");
        lastError.setId("maint-last-error-" + d.name());
        card.getChildren().add(lastError);
        FlowPane buttons = new FlowPane(12, 12);
        checks.ifPresent(c -> {
            switch (d.name()) {
                case KioskConfig.RECEIPT_PRINTER -> buttons.getChildren().add(
                        checkButton("maint.device.testReceipt", d.name() + "-test", c::testReceipt));
                case KioskConfig.A4_PRINTER -> buttons.getChildren().add(
                        checkButton("maint.device.testA4", d.name() + "-test", c::testA4Page));
                case KioskConfig.ID_READER -> buttons.getChildren().add(
                        checkButton("maint.device.readCard", d.name() + "-test", () -> c.readTestCard(CARD_TIMEOUT)));
                case KioskConfig.SCANNER -> buttons.getChildren().add(
                        checkButton("maint.device.scanCode", d.name() + "-test", () -> c.scanTestCode(SCAN_TIMEOUT)));
                default -> { }
            }
            buttons.getChildren().add(checkButton("maint.device.check", d.name() + "-check",
                    () -> c.checkExternal(d.name())));
        });
        card.getChildren().add(buttons);
        card.getStyleClass().add("maint-card");
        return card;
    }

    private Button checkButton(String key, String id, Callable<CheckOutcome> check) {
        Button b = new Button();
        b.setId("maint-" + id);
        b.getStyleClass().add("secondary-button");
        b.textProperty().bind(ctx.messages().text(key));
        b.disableProperty().bind(checkRunning);
        b.setOnAction(e -> runCheck(check));
        return b;
    }

    private void runCheck(Callable<CheckOutcome> check) {
        checkRunning.set(true);
        resultStatus.textProperty().bind(ctx.messages().text("maint.result.running"));
        resultText.setText("");
        jobs.add(ctx.work().run(check, outcome -> {
            checkRunning.set(false);
            showOutcome(outcome);
            if ("devices".equals(section)) {
                showDevices();
            }
        }, failure -> {
            checkRunning.set(false);
            showOutcome(CheckOutcome.failed(failure.toString()));
        }));
    }

    private void showOutcome(CheckOutcome outcome) {
        resultStatus.textProperty().bind(ctx.messages().text(outcome.passed() ? "maint.result.passed" : "maint.result.failed"));
        resultText.setText(outcome.text());
    }

    // ---- ports ---------------------------------------------------------------------------------------------

    private void showPorts() {
        section = "ports";
        sectionTitle.textProperty().bind(ctx.messages().text("maint.nav.ports"));
        content.getChildren().setAll(message("maint.result.running"));
        jobs.add(ctx.work().run(() -> {
            List<String> lines = new ArrayList<>();
            for (var entry : ctx.config().devices().entrySet()) {
                lines.add(entry.getKey() + " → " + link(entry.getValue()));
            }
            List<String> ports = SerialPorts.list().stream().map(SerialPorts.Port::toString).toList();
            return new String[] {String.join("\n", lines), String.join("\n", ports)};
        }, found -> {
            mode.access().action("list-ports", found[1].isEmpty() ? "none" : found[1].lines().count() + " ports");
            List<Node> nodes = new ArrayList<>();
            nodes.add(data(found[0], "body-text"));
            nodes.add(message("maint.ports.present"));
            nodes.add(found[1].isEmpty() ? message("maint.ports.none") : data(found[1], "body-text"));
            nodes.get(nodes.size() - 1).setId("maint-ports");
            nodes.add(navButton("maint.action.refresh", "maint-ports-refresh", this::showPorts));
            content.getChildren().setAll(nodes);
        }, failure -> content.getChildren().setAll(data(failure.getMessage(), "error-text"))));
    }

    /** Where a device is configured, and for a device file whether it exists now. Runs on a worker. */
    private static String link(DeviceConfig device) {
        String uri = device.uri().toString();
        String target = device.uri().target();
        boolean deviceFile = target != null && target.startsWith("/dev/");
        if (!deviceFile) {
            return device.driver() + " " + uri;
        }
        return device.driver() + " " + uri + (Files.exists(Path.of(target)) ? "  [present]" : "  [MISSING]");
    }

    // ---- configuration -------------------------------------------------------------------------------------

    private void showConfig() {
        section = "config";
        sectionTitle.textProperty().bind(ctx.messages().text("maint.nav.config"));
        Label dir = data(mode.configDir().toAbsolutePath().toString(), "body-text");
        Button validate = navButton("maint.config.validate", "maint-config-validate", this::validateConfig);
        Label hint = message("maint.config.hint");
        content.getChildren().setAll(dir, hint, validate);
        if (ctx.voice() != null) {
            content.getChildren().add(voiceVolume());
        }
    }

    /** Spoken guidance volume: applied at once, kept in kiosk.yaml (ui.voice.volume) when the file has that line. */
    private VBox voiceVolume() {
        Label value = data(Integer.toString(ctx.voice().volume()), "screen-subtitle");
        value.setId("maint-voice-volume");
        Button quieter = navButton("maint.voice.quieter", "maint-voice-quieter", () -> changeVolume(-VOLUME_STEP));
        Button louder = navButton("maint.voice.louder", "maint-voice-louder", () -> changeVolume(VOLUME_STEP));
        Button test = navButton("maint.voice.test", "maint-voice-test",
                () -> ctx.voice().tryOut(org.openkiosk.app.ui.voice.VoicePrompt.of("voice.maint.test")));
        for (Button b : List.of(quieter, louder, test)) {
            b.setMaxWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(16, quieter, value, louder, test);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, message("maint.voice.title"), row);
        box.getStyleClass().add("maint-card");
        return box;
    }

    private void changeVolume(int delta) {
        int volume = Math.max(VoiceSettings.MIN_VOLUME, Math.min(VoiceSettings.MAX_VOLUME, ctx.voice().volume() + delta));
        ctx.voice().setVolume(volume);
        ((Label) content.lookup("#maint-voice-volume")).setText(Integer.toString(volume));
        jobs.add(ctx.work().run(() -> VoiceVolumeEdit.write(mode.configDir(), volume).isPresent(), saved -> {
            mode.access().action("voice-volume", volume + (saved ? " (kiosk.yaml)" : " (this run only)"));
            resultStatus.textProperty().bind(ctx.messages().text(saved ? "maint.voice.saved" : "maint.voice.notInFile"));
            resultText.setText("ui.voice.volume: " + volume);
        }, failure -> {
            mode.access().action("voice-volume", volume + " not saved: " + failure.getMessage());
            resultStatus.textProperty().bind(ctx.messages().text("maint.voice.failed"));
            resultText.setText(String.valueOf(failure.getMessage()));
        }));
    }

    private static final int VOLUME_STEP = 20;

    private void validateConfig() {
        jobs.add(ctx.work().run(() -> {
            try {
                KioskConfiguration.load(mode.configDir());
                return List.<String>of();
            } catch (ConfigException e) {
                return e.problems().stream().map(Object::toString).toList();
            }
        }, problems -> {
            Label verdict = problems.isEmpty() ? message("maint.config.valid") : new Label();
            verdict.setId("maint-config-verdict");
            if (!problems.isEmpty()) {
                verdict.getStyleClass().add("error-text");
                verdict.textProperty().bind(ctx.messages().text("maint.config.invalid", problems.size()));
            }
            mode.access().action("validate-configuration", problems.isEmpty() ? "valid" : problems.size() + " problems");
            showConfig();
            content.getChildren().add(verdict);
            if (!problems.isEmpty()) {
                content.getChildren().add(data(String.join("\n", problems), "error-text"));
            }
        }, failure -> content.getChildren().add(data(failure.toString(), "error-text"))));
    }

    // ---- logs ----------------------------------------------------------------------------------------------

    private void showLogs() {
        section = "logs";
        sectionTitle.textProperty().bind(ctx.messages().text("maint.nav.logs"));
        Path log = KioskLogging.logDirectory(mode.dataDir()).resolve("kiosk.log");
        jobs.add(ctx.work().run(() -> LogTail.read(log, LOG_LINES), lines -> {
            mode.access().action("read-logs", lines.size() + " lines of " + log.getFileName());
            Label text = lines.isEmpty() ? message("maint.logs.none") : data(String.join("\n", lines), "maint-small");
            text.setId("maint-log-lines");
            content.getChildren().setAll(data(log.toString(), "body-text"), text,
                    navButton("maint.action.refresh", "maint-logs-refresh", this::showLogs));
        }, failure -> content.getChildren().setAll(data(failure.toString(), "error-text"))));
    }

    // ---- diagnostics, service ------------------------------------------------------------------------------

    private void exportDiagnostics() {
        resultStatus.textProperty().bind(ctx.messages().text("maint.result.running"));
        resultText.setText("");
        DiagnosticsBundle bundle = new DiagnosticsBundle(mode.configDir(), mode.dataDir(), ctx.clock())
                .kioskId(ctx.config().kiosk().id())
                .serviceState(mode.serviceState());
        Optional<DeviceOverview> devices = overview;
        devices.ifPresent(o -> bundle.deviceReport(() -> DeviceReport.format(o.snapshot(), serialPortLines())));
        if (ctx.hasRuntime()) {
            bundle.auditCheck(() -> ctx.runtime().services().audit().verify());
        }
        jobs.add(ctx.work().run(() -> bundle.export(Optional.empty()), path -> {
            mode.access().action("export-diagnostics", path.toString());
            resultStatus.textProperty().bind(ctx.messages().text("maint.export.done"));
            resultText.setText(path.toString());
        }, failure -> {
            mode.access().action("export-diagnostics", "failed: " + failure.getMessage());
            resultStatus.textProperty().bind(ctx.messages().text("maint.export.failed"));
            resultText.setText(String.valueOf(failure.getMessage()));
        }));
    }

    private static List<String> serialPortLines() {
        try {
            return SerialPorts.list().stream().map(SerialPorts.Port::toString).toList();
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
    }

    /** The switch is persisted (a file write): done off the JavaFX thread, the state shown once it is on disk. */
    private void toggleService() {
        boolean takeOut = mode.serviceState().inService();
        jobs.add(ctx.work().run(() -> {
            if (takeOut) {
                mode.takeOutOfService(REASON);
            } else {
                mode.backInService();
            }
            return mode.serviceState().inService();
        }, inService -> outOfService.set(!inService), failure -> {
            resultStatus.textProperty().bind(ctx.messages().text("maint.result.failed"));
            resultText.setText(String.valueOf(failure.getMessage()));
            outOfService.set(!mode.serviceState().inService());
        }));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Button navButton(String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("secondary-button");
        b.setMaxWidth(Double.MAX_VALUE);
        b.textProperty().bind(ctx.messages().text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Label message(String key) {
        Label l = new Label();
        l.getStyleClass().add("body-text");
        l.setWrapText(true);
        l.textProperty().bind(ctx.messages().text(key));
        return l;
    }

    /** Technical facts (names, paths, device texts) are shown as they are: not messages. */
    private static Label data(String text, String style) {
        Label l = UiText.data(new Label(text));
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }
}
