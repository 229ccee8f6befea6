package org.openkiosk.app.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.UiSettings;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.session.SessionHolder;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.idle.ElapsedTime;
import org.openkiosk.app.ui.idle.IdleController;
import org.openkiosk.app.ui.idle.IdleMonitor;
import org.openkiosk.app.ui.idle.IdleWarningOverlay;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.nav.ScreenNavigator;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.outofservice.DeviceTroubleScreen;
import org.openkiosk.app.ui.screens.outofservice.OutOfServiceScreen;
import org.openkiosk.app.ui.screens.outofservice.OutOfServiceViewModel;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.openkiosk.app.ui.theme.Theme;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceListener;
import org.openkiosk.device.scanner.WedgeScanner;

/**
 * The kiosk's one scene and what runs in it: either in service (header, the navigator's screens, the idle
 * warning overlay) or out of service (the retrying out-of-service screen). Knows nothing about the stage, so
 * tests and the screen renderer can put it anywhere. JavaFX thread only.
 */
public final class KioskShell {

    private final StackPane root = new StackPane();
    private final Scene scene;
    private final ShellOptions options;
    private final Clock clock;
    private final ElapsedTime elapsed;
    private final BackgroundWork work;
    private final SessionHolder sessions;
    private UiContext context;
    private IdleController idle;
    private OutOfServiceScreen outOfService;
    private KioskRuntime followedRuntime;
    private DeviceListener healthFollower;
    private javafx.event.EventHandler<javafx.scene.input.KeyEvent> wedgeKeys;
    private org.openkiosk.app.voice.SpeechEngine speechEngine = org.openkiosk.app.voice.SpeechEngine.SILENT;
    private org.openkiosk.app.ui.voice.VoiceGuide voice;
    private org.openkiosk.app.ui.HelpCallModel helpCall;
    /** Read by the systemd watchdog's thread; the rest of the shell is JavaFX-thread only. */
    private volatile KioskRuntime supervisedRuntime;
    private String lastProblems = "";
    /** Showing the attract screen from the configuration while the runtime opens (ADR 0128): no service yet. */
    private boolean starting;
    private java.util.function.Consumer<String> statusListener = status -> { };

    /** A shell whose idle timer reads elapsed time from {@code clock} (tests move it by hand). */
    public KioskShell(ShellOptions options, Clock clock, BackgroundWork work, double width, double height) {
        this(options, clock, ElapsedTime.of(clock), work, width, height);
    }

    /**
     * @param clock   wall time for what the kiosk shows and records
     * @param elapsed monotonic time for the idle timer ({@link ElapsedTime#system()} in a running kiosk)
     */
    public KioskShell(ShellOptions options, Clock clock, ElapsedTime elapsed, BackgroundWork work, double width,
                      double height) {
        this.elapsed = elapsed;
        this.options = options;
        this.clock = clock;
        this.work = work;
        this.sessions = new SessionHolder(clock);
        root.setId("kiosk-root");
        root.getStyleClass().add("kiosk-root");
        scene = new Scene(root, width, height);
        Theme.NORMAL.applyTo(scene);
        org.openkiosk.app.ui.theme.CompactLayout.install(scene);
    }

    /**
     * The engine spoken guidance uses from the next {@link #showReady} on (default: silent). The launcher picks it
     * before the JavaFX thread runs ({@code SpeechEngines.forThisMachine()}); tests record what it is asked to say.
     */
    public void setSpeechEngine(org.openkiosk.app.voice.SpeechEngine engine) {
        this.speechEngine = java.util.Objects.requireNonNull(engine, "engine");
    }

    public Scene scene() {
        return scene;
    }

    /** Told "serving" or "out of service: codes" at each change, for the service manager's status line. */
    public void setStatusListener(java.util.function.Consumer<String> listener) {
        this.statusListener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** The in-service runtime's device loop (any thread): what the watchdog checks besides the JavaFX thread. */
    public Optional<java.util.concurrent.Executor> deviceLoop() {
        KioskRuntime runtime = supervisedRuntime;
        return runtime == null ? Optional.empty() : runtime.deviceLoop();
    }

    /**
     * Nobody is being served and no technician is at the screen: the kiosk shows its home (attract, or out of
     * service). What a nightly restart waits for.
     */
    public boolean idleForRestart() {
        if (sessions.isActive()) {
            return false;
        }
        if (context == null) {
            return true;
        }
        Screen current = context.navigator().current();
        return current == null || current.id().equals(AttractScreen.ID) || current.id().equals(DeviceTroubleScreen.ID);
    }

    /** The line the service manager shows for the current state. */
    public String statusLine() {
        if (starting) {
            return "starting";
        }
        if (outOfService != null || context == null) {
            return "out of service" + (lastProblems.isEmpty() ? "" : ": " + lastProblems);
        }
        return "serving";
    }

    /** In service without a runtime (shell tests): builds the context and shows the attract screen. */
    public void showReady(KioskConfig config) {
        showReady(config, null);
    }

    /**
     * The first frame of a start (ADR 0128): the attract screen as the configuration draws it, disabled, while the
     * runtime (store, devices, services) opens in the background. Nothing on it can be touched, no card is read and
     * nothing is spoken; {@link #showReady} or {@link #showOutOfService} replaces it once the runtime has opened.
     */
    public void showStarting(KioskConfig config) {
        UiSettings ui = config.ui();
        Language language = options.language() != null ? options.language() : configuredLanguage(ui);
        boolean elder = options.elderMode() != null ? options.elderMode() : ui.elderMode();
        UiContext preview = new UiContext(config, language, elder, new ScreenNavigator(), sessions, work, clock,
                options.demo(), null);
        ScreenFactory screens = new ScreenFactory(preview);
        preview.setScreens(screens);
        BorderPane layout = new BorderPane(screens.attract().view()); // view only: onShow would listen for cards
        layout.setTop(new KioskHeader(preview));
        layout.getStyleClass().add("kiosk-layout");
        layout.setId("kiosk-starting");
        layout.setDisable(true);
        javafx.scene.layout.StackPane.setAlignment(layout, javafx.geometry.Pos.TOP_CENTER);
        Theme.of(elder).applyTo(scene);
        root.getChildren().setAll(layout);
        starting = true;
        statusListener.accept(statusLine());
    }

    /** Whether the shell shows {@link #showStarting}'s screen. */
    public boolean starting() {
        return starting;
    }

    /** In service: builds the context from the configuration and the wired kiosk, shows the attract screen. */
    public void showReady(KioskConfig config, KioskRuntime runtime) {
        starting = false;
        stopOutOfService();
        stopFollowingDevices();
        supervisedRuntime = runtime;
        lastProblems = "";
        UiSettings ui = config.ui();
        Language language = options.language() != null ? options.language() : configuredLanguage(ui);
        boolean elder = options.elderMode() != null ? options.elderMode() : ui.elderMode();
        ScreenNavigator navigator = new ScreenNavigator();
        context = new UiContext(config, language, elder, navigator, sessions, work, clock, options.demo(), runtime);
        ScreenFactory screens = new ScreenFactory(context);
        context.setScreens(screens);
        context.setMaintenance(new org.openkiosk.app.ui.screens.maintenance.MaintenanceMode(context,
                options.configDir(), options.dataDir()));
        navigator.setHome(screens::home); // attract, or the technician's out-of-service screen
        closeVoice();
        voice = new org.openkiosk.app.ui.voice.VoiceGuide(context.messages(),
                new org.openkiosk.app.voice.Speaker(speechEngine), ui.voice(), ui.voice().onFor(elder));
        context.setVoice(voice);
        speakScreens(context, voice);
        closeHelpCall();
        helpCall = new org.openkiosk.app.ui.HelpCallModel(runtime == null ? org.openkiosk.app.fleet.HelpCalls.standalone(
                config.kiosk().id(), clock) : runtime.companion(org.openkiosk.app.fleet.KioskFleet.class)
                .map(org.openkiosk.app.fleet.KioskFleet::helpCalls).orElseGet(
                        () -> org.openkiosk.app.fleet.HelpCalls.standalone(config.kiosk().id(), clock)));
        context.setHelpCall(helpCall);

        IdleWarningOverlay overlay = new IdleWarningOverlay(context.messages());
        // idle time is monotonic and does not run while background work serves the citizen (ADR 0132)
        UiContext resetContext = context;
        org.openkiosk.app.ui.HelpCallModel resetHelp = helpCall;
        idle = new IdleController(new IdleMonitor(elapsed, ui.idleTimeout(), ui.idleWarning()), navigator, overlay,
                () -> {
                    resetHelp.cancelForIdleReset(); // nobody is left at the kiosk for the staff who come
                    resetContext.endSession();
                }, work.busyProperty()::get);
        idle.install(scene);
        context.setActivity(idle::activity);
        idle.onWarning(() -> voice.say(org.openkiosk.app.ui.voice.VoicePrompt.of("voice.idle.warning")));

        BorderPane layout = new BorderPane(navigator.host());
        layout.setTop(new KioskHeader(context));
        layout.getStyleClass().add("kiosk-layout");
        // if a screen is ever too tall, the header stays visible and the bottom is what gets cut
        javafx.scene.layout.StackPane.setAlignment(layout, javafx.geometry.Pos.TOP_CENTER);
        var helpPanel = new org.openkiosk.app.ui.HelpCallPanel(context.messages(), helpCall,
                config.kiosk().helpPhone());
        root.getChildren().setAll(layout, helpPanel, overlay);

        context.elderModeProperty().addListener((obs, old, now) -> Theme.of(now).applyTo(scene));
        Theme.of(elder).applyTo(scene);
        navigator.home();
        idle.start();
        statusListener.accept(statusLine());
        if (runtime != null) {
            followDevices(runtime, context);
            runtime.scanner().filter(WedgeScanner.class::isInstance).map(WedgeScanner.class::cast)
                    .ifPresent(this::forwardKeysTo);
        }
    }

    /**
     * Each screen says its prompt as it appears (cutting off the last one), again in the new language when the
     * citizen switches, and when guidance is switched on; elder mode switched on turns guidance on when the
     * configuration says so ({@code ui.voice.startsOn: elder}).
     */
    private static void speakScreens(UiContext ctx, org.openkiosk.app.ui.voice.VoiceGuide voice) {
        Runnable sayCurrent = () -> {
            Screen current = ctx.navigator().current();
            java.util.Optional<org.openkiosk.app.ui.voice.VoicePrompt> prompt =
                    current == null ? java.util.Optional.empty() : current.voicePrompt();
            prompt.ifPresentOrElse(voice::say, voice::silence);
        };
        ctx.navigator().currentProperty().addListener((obs, old, now) -> sayCurrent.run());
        ctx.messages().languageProperty().addListener((obs, old, now) -> sayCurrent.run());
        voice.onProperty().addListener((obs, was, now) -> {
            if (now) {
                sayCurrent.run();
            }
        });
        ctx.elderModeProperty().addListener((obs, was, now) -> {
            if (now && ctx.config().ui().voice().startsOn() == org.openkiosk.app.config.VoiceSettings.StartsOn.ELDER) {
                voice.onProperty().set(true);
            }
        });
    }

    private void closeHelpCall() {
        if (helpCall != null) {
            helpCall.close();
            helpCall = null;
        }
    }

    private void closeVoice() {
        if (voice != null) {
            voice.close();
            voice = null;
        }
    }

    /**
     * A keyboard-wedge scanner types into the scene: every typed key goes to its decoder (timing and terminator
     * tell a scan from a person typing); a key that completes a scan is consumed so no screen takes it as input.
     */
    private void forwardKeysTo(WedgeScanner wedge) {
        wedgeKeys = event -> {
            boolean scanned = false;
            for (char c : event.getCharacter().toCharArray()) {
                scanned |= wedge.keyTyped(c, System.nanoTime());
            }
            if (scanned) {
                event.consume();
            }
        };
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, wedgeKeys);
    }

    /**
     * A required device that fails while nobody is being served (paper out, reader unplugged) turns the home
     * screen into "out of service" with its E-DEV code, and back to the attract screen once the device reports it
     * is usable again. A citizen in the middle of a service is not interrupted: the flows report device trouble
     * honestly at the step that needs the device.
     */
    private void followDevices(KioskRuntime runtime, UiContext forContext) {
        healthFollower = event -> {
            if (event instanceof DeviceEvent.StatusUpdate) {
                Platform.runLater(() -> refreshHome(forContext));
            }
        };
        followedRuntime = runtime;
        runtime.devices().subscribe(healthFollower);
        // e.g. the data disk nearly full: the same re-decision, for the context that subscribed only
        runtime.onProblemsChanged(() -> Platform.runLater(() -> refreshHome(forContext)));
    }

    private void refreshHome(UiContext forContext) {
        if (context != forContext || sessions.isActive()) {
            return;
        }
        Screen current = context.navigator().current();
        if (current == null) {
            return;
        }
        boolean onTroubleScreen = current.id().equals(DeviceTroubleScreen.ID);
        if (!onTroubleScreen && !current.id().equals(AttractScreen.ID)) {
            return;
        }
        if (onTroubleScreen || !context.runtime().deviceProblems().isEmpty()) {
            context.navigator().home();
        }
    }

    private void stopFollowingDevices() {
        if (wedgeKeys != null) {
            scene.removeEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, wedgeKeys);
            wedgeKeys = null;
        }
        if (followedRuntime != null) {
            followedRuntime.devices().unsubscribe(healthFollower);
            followedRuntime = null;
            healthFollower = null;
        }
        if (context != null && context.maintenance() != null) {
            context.maintenance().close(); // stops following the shared out-of-service switch
        }
    }

    /** Out of service: shows the problems' codes and retries {@code check} in the background. */
    public void showOutOfService(List<StartupProblem> problems, StartupCheck check) {
        starting = false;
        stopOutOfService();
        stopFollowingDevices();
        closeVoice();
        closeHelpCall();
        supervisedRuntime = null;
        lastProblems = problems.stream().map(StartupProblem::code).distinct()
                .collect(java.util.stream.Collectors.joining(" "));
        // the view model hands back only the configuration; the runtime comes with the check's Ready result
        java.util.concurrent.atomic.AtomicReference<StartupResult.Ready> recovered = new java.util.concurrent.atomic.AtomicReference<>();
        StartupCheck remembering = () -> {
            StartupResult result = check.check();
            if (result instanceof StartupResult.Ready ready) {
                recovered.set(ready);
            }
            return result;
        };
        OutOfServiceViewModel model = new OutOfServiceViewModel(problems, remembering, work, clock,
                options.retryInterval(), config -> showReady(config,
                        recovered.get() == null ? null : recovered.get().runtime()));
        outOfService = new OutOfServiceScreen(model);
        Theme.NORMAL.applyTo(scene);
        root.getChildren().setAll(outOfService.view());
        outOfService.onShow();
        statusListener.accept(statusLine());
    }

    /** The loader validates {@code ui.language}; should an unknown one slip through, Chinese is the safe choice. */
    private static Language configuredLanguage(UiSettings ui) {
        try {
            return Language.ofCode(ui.language());
        } catch (IllegalArgumentException | NullPointerException e) {
            org.slf4j.LoggerFactory.getLogger(KioskShell.class).warn("ui.language: {}; showing Chinese", e.getMessage());
            return Language.ZH;
        }
    }

    public boolean inService() {
        return context != null;
    }

    public Optional<UiContext> context() {
        return Optional.ofNullable(context);
    }

    public Optional<IdleController> idle() {
        return Optional.ofNullable(idle);
    }

    public Optional<OutOfServiceScreen> outOfService() {
        return Optional.ofNullable(outOfService);
    }

    /** Stops timers, wipes any session and empties the scene (which stops the screens' timelines too). */
    public void stop() {
        stopOutOfService();
        stopFollowingDevices();
        closeVoice();
        closeHelpCall();
        if (idle != null) {
            idle.stop();
        }
        if (context != null && context.navigator().current() != null) {
            context.navigator().current().onHide();
        }
        sessions.end();
        if (context != null) {
            context.clearRedaction(); // the session's name and number need no masking once it is gone
        }
        root.getChildren().clear();
    }

    private void stopOutOfService() {
        if (outOfService != null) {
            outOfService.onHide();
            outOfService = null;
        }
    }
}
