package org.openkiosk.app.ui;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.session.CitizenSession;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.ui.flow.SessionKeys;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.session.SessionHolder;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.ScreenNavigator;
import org.openkiosk.app.ui.work.BackgroundWork;

/**
 * What every screen may use: the configuration, texts, display preferences, navigation, the citizen session
 * and background work. One per running shell; screens receive it in their constructor.
 */
public final class UiContext {

    private final KioskConfig config;
    private final Messages messages;
    private final BooleanProperty elderMode = new SimpleBooleanProperty(this, "elderMode");
    private final ScreenNavigator navigator;
    private final SessionHolder sessions;
    private final BackgroundWork work;
    private final Clock clock;
    private final boolean demo;
    private final Language defaultLanguage;
    private final boolean defaultElderMode;
    private ScreenFactory screens;
    private Runnable activity = () -> { };
    private org.openkiosk.app.ui.screens.maintenance.MaintenanceMode maintenance;
    private final KioskRuntime runtime;
    private PersonalDataRedactor.Registration redaction;
    private org.openkiosk.app.ui.voice.VoiceGuide voice;
    private org.openkiosk.app.ui.HelpCallModel helpCall;

    public UiContext(KioskConfig config, Language language, boolean elderMode, ScreenNavigator navigator,
                     SessionHolder sessions, BackgroundWork work, Clock clock, boolean demo) {
        this(config, language, elderMode, navigator, sessions, work, clock, demo, null);
    }

    /** @param runtime the wired kiosk the flows use (devices, services); {@code null} only in shell tests */
    public UiContext(KioskConfig config, Language language, boolean elderMode, ScreenNavigator navigator,
                     SessionHolder sessions, BackgroundWork work, Clock clock, boolean demo, KioskRuntime runtime) {
        this.runtime = runtime;
        this.config = Objects.requireNonNull(config, "config");
        this.messages = new Messages(language);
        this.defaultLanguage = language;
        this.defaultElderMode = elderMode;
        this.elderMode.set(elderMode);
        this.navigator = navigator;
        this.sessions = sessions;
        this.work = work;
        this.clock = clock;
        this.demo = demo;
    }

    public KioskConfig config() {
        return config;
    }

    /**
     * The running kiosk: citizen services, devices, demo controls. Its calls block: use them through
     * {@link #work()}, never on the JavaFX thread.
     *
     * @throws IllegalStateException when the shell was built without one (shell-only tests)
     */
    public KioskRuntime runtime() {
        if (runtime == null) {
            throw new IllegalStateException("this shell was started without a kiosk runtime");
        }
        return runtime;
    }

    public boolean hasRuntime() {
        return runtime != null;
    }

    public Messages messages() {
        return messages;
    }

    public BooleanProperty elderModeProperty() {
        return elderMode;
    }

    public ScreenNavigator navigator() {
        return navigator;
    }

    public SessionHolder sessions() {
        return sessions;
    }

    public BackgroundWork work() {
        return work;
    }

    public Clock clock() {
        return clock;
    }

    public boolean demo() {
        return demo;
    }

    /** The runtime, or empty when the shell runs without one (shell-only tests). */
    public Optional<KioskRuntime> runtimeIfAny() {
        return Optional.ofNullable(runtime);
    }

    /**
     * Starts the citizen's session from a checked identity and registers their name and number with the log
     * redactor until the session ends.
     */
    public CitizenSession startSession(IdentificationMethod method, Identity identity) {
        CitizenSession session = sessions.start(method, identity.idNumber());
        identity.name().ifPresent(session::setName);
        identity.cardType().ifPresent(t -> session.choose(SessionKeys.CARD_TYPE, t.name()));
        identity.bookingCode().ifPresent(c -> session.choose(SessionKeys.BOOKING_CODE, c));
        closeRedaction();
        redaction = PersonalDataRedactor.registerCitizen(identity.name().orElse(null), identity.idNumber().value());
        return session;
    }

    /** Stops masking the last citizen's name and number in logs (their session has been wiped). */
    public void clearRedaction() {
        closeRedaction();
    }

    private void closeRedaction() {
        if (redaction != null) {
            redaction.close();
            redaction = null;
        }
    }

    /** Spoken guidance (语音引导): prompts by bundle key only, on/off by the header toggle. */
    public org.openkiosk.app.ui.voice.VoiceGuide voice() {
        return voice;
    }

    /** The citizen's call for hall staff (the header's button, the note at the bottom). */
    public org.openkiosk.app.ui.HelpCallModel helpCall() {
        return helpCall;
    }

    void setHelpCall(org.openkiosk.app.ui.HelpCallModel helpCall) {
        this.helpCall = helpCall;
    }

    void setVoice(org.openkiosk.app.ui.voice.VoiceGuide voice) {
        this.voice = voice;
    }

    /** Whether guidance starts on for a session in this elder mode (from {@code ui.voice.startsOn}). */
    public boolean voiceOnByDefault(boolean elder) {
        return config.ui().voice().onFor(elder);
    }

    public ScreenFactory screens() {
        return screens;
    }

    void setScreens(ScreenFactory screens) {
        this.screens = screens;
    }

    /** Maintenance mode: PIN access, the technician's out-of-service switch, checks (see docs/maintenance.md). */
    public org.openkiosk.app.ui.screens.maintenance.MaintenanceMode maintenance() {
        return maintenance;
    }

    void setMaintenance(org.openkiosk.app.ui.screens.maintenance.MaintenanceMode maintenance) {
        this.maintenance = maintenance;
    }

    void setActivity(Runnable activity) {
        this.activity = activity;
    }

    /**
     * The citizen did something that did not pass through the scene (placed a card, scanned a code): restart
     * the idle timer and hide a "still there?" warning. Touches and keys are counted automatically.
     */
    public void activity() {
        activity.run();
    }

    /**
     * The citizen is gone (finished, or the idle timer ran out): wipe the session, restore the configured
     * language and elder mode for the next person, and show a fresh attract screen.
     */
    public void endSession() {
        sessions.end();
        closeRedaction();
        messages.setLanguage(defaultLanguage);
        elderMode.set(defaultElderMode);
        navigator.home();
        if (voice != null) {
            voice.onProperty().set(voiceOnByDefault(defaultElderMode));
        }
    }
}
