package org.openkiosk.app.ui.screens.maintenance;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.voice.VoiceGuide;
import org.openkiosk.app.ui.voice.VoicePrompt;
import org.openkiosk.app.ui.widgets.KioskScrollPane;

/**
 * The technician's screen (view of {@link MaintenanceViewModel}): the navigation with the service state, the
 * out-of-service switch, the diagnostics export and exit; the open section (devices, serial ports, configuration,
 * logs, each its own view); the result of the last action. Idle-timed like any screen: the idle reset ends
 * maintenance mode (audited).
 */
public final class MaintenanceScreen implements Screen {

    public static final String ID = "maintenance";

    private final UiContext ctx;
    private final MaintenanceMode mode;
    private final MaintenanceViewModel model;
    private final MaintenanceWidgets widgets;
    private final DevicesSection devices;
    private final PortsSection ports;
    private final ConfigSection config;
    private final LogsSection logs;
    private final Label sectionTitle = new Label();
    private final VBox content = new VBox(16);
    private HBox view;

    public MaintenanceScreen(UiContext ctx) {
        this.ctx = ctx;
        this.mode = ctx.maintenance();
        Messages messages = ctx.messages();
        this.model = new MaintenanceViewModel(mode.access(), mode.serviceState(),
                new MaintenanceViewModel.ServiceSwitch() {
                    @Override
                    public void takeOutOfService(String reason) {
                        mode.takeOutOfService(reason);
                    }

                    @Override
                    public void backInService() {
                        mode.backInService();
                    }
                }, mode.configDir(), mode.dataDir(), ctx.config(),
                ctx.hasRuntime() ? Optional.of(ctx.runtime()) : Optional.empty(), mode.checks(),
                Optional.ofNullable(ctx.voice()).map(MaintenanceScreen::volume), ctx.work(), Platform::runLater,
                ctx.clock());
        this.widgets = new MaintenanceWidgets(messages);
        this.devices = new DevicesSection(model, widgets, messages);
        this.ports = new PortsSection(model, widgets, messages);
        this.config = new ConfigSection(model, widgets);
        this.logs = new LogsSection(model, widgets);
    }

    private static MaintenanceViewModel.Volume volume(VoiceGuide voice) {
        return new MaintenanceViewModel.Volume() {
            @Override
            public int volume() {
                return voice.volume();
            }

            @Override
            public void setVolume(int volume) {
                voice.setVolume(volume);
            }

            @Override
            public void tryOut() {
                voice.tryOut(VoicePrompt.of("voice.maint.test"));
            }
        };
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
        model.shown();
    }

    /** Leaving the screen ends maintenance mode: by the exit button, or the idle reset. */
    @Override
    public void onHide() {
        model.hidden();
    }

    /** Room for a vertical scroll bar (it grows with the font size: about 34 px in elder mode). */
    private static final double SCROLL_BAR = 40;

    private HBox build() {
        Messages messages = ctx.messages();
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(messages.text("maint.title"));
        Label state = new Label();
        state.setId("maint-service-state");
        state.getStyleClass().add("body-text");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.when(model.outOfServiceProperty())
                .then(messages.text("maint.state.out")).otherwise(messages.text("maint.state.in")));

        Button devicesButton = widgets.button("maint.nav.devices", "maint-nav-devices", model::showDevices);
        Button portsButton = widgets.button("maint.nav.ports", "maint-nav-ports", model::showPorts);
        Button configButton = widgets.button("maint.nav.config", "maint-nav-config", model::showConfig);
        Button logsButton = widgets.button("maint.nav.logs", "maint-nav-logs", model::showLogs);
        Button export = widgets.button("maint.action.export", "maint-export", model::exportDiagnostics);
        Button service = new Button();
        service.setId("maint-service-toggle");
        service.getStyleClass().add("secondary-button");
        service.setMaxWidth(Double.MAX_VALUE);
        service.textProperty().bind(Bindings.when(model.outOfServiceProperty())
                .then(messages.text("maint.action.backInService"))
                .otherwise(messages.text("maint.action.outOfService")));
        service.setOnAction(e -> model.toggleService());
        Button exit = new Button();
        exit.setId("maint-exit");
        exit.getStyleClass().add("primary-button");
        exit.setMaxWidth(Double.MAX_VALUE);
        exit.textProperty().bind(messages.text("maint.action.exit"));
        exit.setOnAction(e -> {
            model.exitPressed();
            mode.exit("exit");
        });
        VBox nav = new VBox(16, title, state, devicesButton, portsButton, configButton, logsButton, export, service, exit);
        nav.setMinWidth(0); // as wide as the scroll pane's viewport: the scroll bar never covers a button
        nav.setPrefWidth(420);
        // seven buttons in elder mode or at 1366×768 are taller than the window: the column scrolls instead
        ScrollPane navScroll = new KioskScrollPane(nav);
        navScroll.setFitToWidth(true);
        navScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        navScroll.setPannable(true);
        navScroll.getStyleClass().add("maint-scroll");
        navScroll.setMinWidth(420 + SCROLL_BAR);
        navScroll.setPrefWidth(420 + SCROLL_BAR); // the bar beside the buttons, not over them
        navScroll.setMinHeight(0);

        sectionTitle.getStyleClass().add("screen-subtitle");
        sectionTitle.setId("maint-section-title");
        model.sectionProperty().addListener((o, was, now) -> showSectionTitle(now));
        showSectionTitle(model.sectionProperty().get());
        model.contentProperty().addListener((o, was, now) -> content.getChildren().setAll(render(now)));
        content.getChildren().setAll(render(model.contentProperty().get()));
        ScrollPane scroll = new KioskScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPannable(true); // a finger drags the list
        scroll.getStyleClass().add("maint-scroll");
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label resultStatus = new Label();
        resultStatus.setId("maint-result-status");
        resultStatus.getStyleClass().add("screen-subtitle");
        Label resultText = UiText.data(new Label());
        resultText.setId("maint-result");
        resultText.getStyleClass().add("body-text");
        resultText.setWrapText(true);
        model.resultProperty().addListener((o, was, now) -> {
            if (now.statusKey().isEmpty()) {
                resultStatus.textProperty().unbind();
                resultStatus.setText("");
            } else {
                resultStatus.textProperty().bind(messages.text(now.statusKey()));
            }
            resultText.setText(now.detail());
        });
        VBox result = new VBox(8, resultStatus, resultText);
        result.getStyleClass().add("maint-card");
        VBox main = new VBox(16, sectionTitle, scroll, result);
        HBox.setHgrow(main, Priority.ALWAYS);

        main.setMinHeight(0);
        HBox box = new HBox(32, navScroll, main);
        box.getStyleClass().addAll("screen", "maint-screen");
        return box;
    }

    private void showSectionTitle(MaintenanceViewModel.Section section) {
        sectionTitle.textProperty().bind(ctx.messages().text(switch (section) {
            case DEVICES -> "maint.nav.devices";
            case PORTS -> "maint.nav.ports";
            case CONFIG -> "maint.nav.config";
            case LOGS -> "maint.nav.logs";
        }));
    }

    private List<Node> render(MaintenanceViewModel.Content now) {
        if (now instanceof MaintenanceViewModel.Devices d) {
            return devices.render(d);
        } else if (now instanceof MaintenanceViewModel.Ports p) {
            return ports.render(p);
        } else if (now instanceof MaintenanceViewModel.Config c) {
            return config.render(c);
        } else if (now instanceof MaintenanceViewModel.Logs l) {
            return logs.render(l);
        } else if (now instanceof MaintenanceViewModel.Failed f) {
            return List.of(MaintenanceWidgets.data(f.message(), "error-text"));
        }
        return List.of(widgets.message("maint.result.running"));
    }
}
