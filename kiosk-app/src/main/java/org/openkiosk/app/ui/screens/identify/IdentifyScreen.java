package org.openkiosk.app.ui.screens.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.identity.AccessPolicy;
import org.openkiosk.app.service.identity.AssuranceLevel;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.ProtectedService;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.flow.CardIdentities;
import org.openkiosk.app.ui.flow.DemoPanel;
import org.openkiosk.app.ui.flow.DeviceInputs;
import org.openkiosk.app.ui.flow.ErrorMessages;
import org.openkiosk.app.ui.i18n.Messages;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.attract.AttractViewModel;
import org.openkiosk.app.ui.widgets.Illustrations;
import org.openkiosk.app.ui.work.BackgroundWork;
import org.openkiosk.device.face.FaceReference;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Identify yourself": place the ID card (any of the four card types), scan an appointment slip, or type the
 * ID number on the keypad (checked locally before the platform is asked). While this screen shows it listens to
 * the card reader and has the scanner armed; leaving it stops both.
 */
public final class IdentifyScreen implements Screen {

    public static final String ID = "identify";
    private static final Logger LOG = LoggerFactory.getLogger(IdentifyScreen.class);

    private final UiContext ctx;
    private final KioskService service;
    private final IdEntryViewModel entry = new IdEntryViewModel();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final List<AutoCloseable> inputs = new ArrayList<>();
    private BackgroundWork.Job job;
    private HBox view;
    /** The card photo, kept only from a card read to the face step of a service that needs one; else empty. */
    private byte[] cardPhoto = new byte[0];

    /** @param service the service chosen on the attract screen; null when the citizen placed a card there */
    public IdentifyScreen(UiContext ctx, KioskService service) {
        this.ctx = ctx;
        this.service = service;
    }

    @Override
    public java.util.Optional<org.openkiosk.app.ui.voice.VoicePrompt> voicePrompt() {
        return java.util.Optional.of(org.openkiosk.app.ui.voice.VoicePrompt.ofScreen(ID));
    }

    @Override
    public String id() {
        return ID;
    }

    public KioskService service() {
        return service;
    }

    public IdEntryViewModel entry() {
        return entry;
    }

    public BooleanProperty busyProperty() {
        return busy;
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
        inputs.add(DeviceInputs.onCard(ctx.runtimeIfAny(), this::acceptCard));
        armScanner();
    }

    private void armScanner() {
        inputs.add(DeviceInputs.armScanner(ctx.runtimeIfAny(), this::acceptCode));
    }

    @Override
    public void onHide() {
        forgetCardPhoto();
        if (job != null) {
            job.cancel();
        }
        for (AutoCloseable input : inputs) {
            try {
                input.close();
            } catch (Exception e) {
                LOG.warn("closing a device input failed", e);
            }
        }
        inputs.clear();
    }

    /** A card was placed on the reader (JavaFX thread). */
    public void acceptCard(IdCard card) {
        ctx.activity();
        if (busy.get()) {
            card.wipePhoto();
            return;
        }
        forgetCardPhoto();
        if (faceStep().isPresent() && card.photo() != null && !card.photo().isWiped()) {
            cardPhoto = card.photo().bytes(); // a copy, for the face comparison only
        }
        card.wipePhoto(); // no other flow needs the photo; do not keep it in memory
        try {
            var cardIdentity = CardIdentities.of(card);
            identify(IdentificationMethod.ID_CARD,
                    () -> ctx.runtime().services().identification().fromCard(cardIdentity));
        } catch (InvalidIdNumberException e) {
            entry.refuse("error.identify.card_unsupported");
        }
    }

    /** A code arrived from the armed scanner (JavaFX thread). */
    public void acceptCode(String code) {
        ctx.activity();
        if (busy.get()) {
            armScanner();
            return;
        }
        identify(IdentificationMethod.QR_CODE,
                () -> ctx.runtime().services().identification().fromAppointmentQr(code));
    }

    /** Confirm button: a locally valid number is looked up, then the session starts; otherwise it says why. */
    void confirm() {
        Optional<IdNumber> checked = entry.confirm();
        if (checked.isEmpty()) {
            return;
        }
        if (ctx.runtimeIfAny().isEmpty()) { // a shell without services (some UI tests): no lookup possible
            start(IdentificationMethod.TYPED_NUMBER, new Identity(checked.get(), Optional.empty(),
                    IdentitySource.TYPED_NUMBER, Optional.empty(), Optional.empty()));
            return;
        }
        String typed = checked.get().value();
        identify(IdentificationMethod.TYPED_NUMBER, () -> ctx.runtime().services().identification()
                .fromTypedNumber(typed, Optional.empty()));
    }

    private void identify(IdentificationMethod method, Callable<Identity> lookup) {
        busy.set(true);
        entry.refuse(null);
        job = ctx.work().run(lookup, identity -> {
            busy.set(false);
            start(method, identity);
        }, failure -> {
            busy.set(false);
            forgetCardPhoto();
            entry.refuse(ErrorMessages.keyOf(failure));
            if (method == IdentificationMethod.QR_CODE) {
                armScanner();
            }
        });
    }

    private void start(IdentificationMethod method, Identity identity) {
        Optional<AssuranceLevel> lacking = lacking(identity);
        Optional<FaceVerifier> face = faceStep();
        if (lacking.equals(Optional.of(AssuranceLevel.CARD_AND_FACE)) && identity.source() == IdentitySource.CARD
                && face.isPresent()) { // the card is read: now the face (人证核验)
            FaceReference reference = new FaceReference(identity.idNumber(), cardPhoto);
            cardPhoto = new byte[0]; // the face screen owns and wipes it now
            entry.clear();
            ctx.navigator().show(ctx.screens().faceVerification(service, identity, reference, face.get()));
            return;
        }
        forgetCardPhoto();
        if (lacking.isPresent()) { // say what proof is needed; nothing about whether a record exists
            entry.clear();
            entry.refuse("error.assurance." + lacking.get().name().toLowerCase(java.util.Locale.ROOT));
            if (method == IdentificationMethod.QR_CODE) {
                armScanner();
            }
            return;
        }
        ctx.startSession(method, identity);
        if (service != null) {
            ctx.sessions().current().orElseThrow().choose("service", service.name());
        }
        entry.clear();
        ctx.navigator().show(ctx.screens().identityConfirmed(service));
    }

    /** The face verifier, when the chosen service needs card + face and one is configured and enabled. */
    private Optional<FaceVerifier> faceStep() {
        if (service == null || ctx.runtimeIfAny().isEmpty() || entryLevel() != AssuranceLevel.CARD_AND_FACE) {
            return Optional.empty();
        }
        // enabled is enough: a failed comparison (a platform timeout) marks the health as error until the next one
        return ctx.runtime().faceVerifier().filter(v -> v.state() == org.openkiosk.device.DeviceState.ENABLED);
    }

    private void forgetCardPhoto() {
        java.util.Arrays.fill(cardPhoto, (byte) 0);
        cardPhoto = new byte[0];
    }

    /** The stronger proof the chosen service needs from this identity, if it proved too little. */
    private Optional<AssuranceLevel> lacking(Identity identity) {
        if (service == null || ctx.runtimeIfAny().isEmpty()) {
            return Optional.empty();
        }
        AssuranceLevel needed = entryLevel();
        AssuranceLevel proved = service == KioskService.CHECK_IN // a slip proves its own booking
                ? identity.bookingCode().map(identity::assuranceFor).orElseGet(identity::assurance)
                : identity.assurance();
        return proved.atLeast(needed) ? Optional.empty() : Optional.of(needed);
    }

    /** The least level the chosen service asks for at its entry. */
    private AssuranceLevel entryLevel() {
        AccessPolicy access = ctx.runtime().services().access();
        return switch (service) {
            case CERTIFICATE_PRINTING -> access.requiredToEnterCertificates();
            case APPOINTMENTS -> access.required(ProtectedService.BOOKING);
            case CHECK_IN -> access.required(ProtectedService.CHECK_IN);
            case CERTIFICATE_CHECK -> access.required(ProtectedService.CERTIFICATE_CHECK);
            // the menu's public part (guides) is offered on this screen already
            case QUERIES -> java.util.stream.Stream.of(ProtectedService.PROGRESS, ProtectedService.MY_APPOINTMENTS,
                    ProtectedService.MY_CERTIFICATES).map(access::required).min(Enum::compareTo).orElseThrow();
        };
    }

    private HBox build() {
        Messages m = ctx.messages();

        Label title = label(m, "identify.title", "screen-title");
        Label serviceName = service == null ? new Label()
                : label(m, AttractViewModel.titleKey(service), "screen-subtitle");
        Label card = label(m, "identify.card", "body-text");
        Label scan = label(m, "identify.scan", "body-text");
        Label or = label(m, "identify.or.type", "body-text");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("identify-progress");
        progress.setPrefSize(48, 48);
        Label checking = label(m, "identify.checking", "body-text");
        HBox working = new HBox(16, progress, checking);
        working.visibleProperty().bind(busy);
        working.managedProperty().bind(busy);
        Button home = new Button();
        home.setId("go-home");
        home.getStyleClass().add("secondary-button");
        home.textProperty().bind(m.text("action.home"));
        home.setOnAction(e -> ctx.endSession());
        javafx.scene.layout.Region push = new javafx.scene.layout.Region(); // the demo panel sits at the bottom
        VBox.setVgrow(push, Priority.ALWAYS);
        // where the card goes and where the scanner is, drawn; they give up their room first on a small screen
        HBox where = new HBox(24, Illustrations.cardReader(), Illustrations.scanner());
        where.setId("identify-illustrations");
        where.setMinHeight(0);
        VBox left = new VBox(title, serviceName, card, scan, where, or, working, home, push, DemoPanel.of(ctx));
        if (service == KioskService.QUERIES) { // guides are public: no identity needed
            Button guides = new Button();
            guides.setId("open-guides");
            guides.getStyleClass().add("secondary-button");
            guides.textProperty().bind(m.text("queries.guides"));
            guides.setOnAction(e -> ctx.navigator().show(ctx.screens().guides()));
            left.getChildren().add(left.getChildren().indexOf(home), guides);
        }
        left.getStyleClass().add("identify-instructions");
        HBox.setHgrow(left, Priority.ALWAYS);

        Label number = UiText.data(new Label());
        number.setId("id-entry");
        number.getStyleClass().add("id-entry");
        number.setMaxWidth(Double.MAX_VALUE);
        number.textProperty().bind(entry.grouped());
        Label placeholder = label(m, "identify.entry.placeholder", "id-entry-placeholder");
        placeholder.visibleProperty().bind(entry.entryProperty().isEmpty());
        Label error = new Label();
        error.setId("id-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(
                () -> entry.errorKeyProperty().get() == null ? "" : m.get(entry.errorKeyProperty().get()),
                entry.errorKeyProperty(), m.languageProperty()));

        IdKeypad keypad = new IdKeypad(entry, m);
        keypad.disableProperty().bind(busy);
        VBox.setVgrow(keypad, Priority.ALWAYS);
        Button clear = new Button();
        clear.setId("id-clear");
        clear.getStyleClass().add("secondary-button");
        clear.textProperty().bind(m.text("identify.clear"));
        clear.disableProperty().bind(busy);
        clear.setOnAction(e -> entry.clear());
        Button ok = new Button();
        ok.setId("id-confirm");
        ok.getStyleClass().add("primary-button");
        ok.textProperty().bind(m.text("identify.confirm"));
        ok.disableProperty().bind(entry.complete().not().or(busy));
        ok.setOnAction(e -> confirm());
        HBox actions = new HBox(16, clear, ok);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox right = new VBox(16, new javafx.scene.layout.StackPane(number, placeholder), error, keypad, actions);
        right.getStyleClass().add("identify-keypad");

        HBox box = new HBox(40, left, right);
        box.getStyleClass().addAll("screen", "identify-screen");
        return box;
    }

    private static Label label(Messages m, String key, String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the drawings give up room, never the words
        l.textProperty().bind(m.text(key));
        return l;
    }
}
