package org.openkiosk.app.ui.screens.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.identity.FaceVerificationOutcome;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.face.FaceReference;
import org.openkiosk.device.face.FaceVerifier;

/**
 * 人证核验: after a card read, for a service that needs card + face. The check starts by itself ("请看摄像头");
 * a miss says plainly what to do and offers "try again" until the configured attempts are used up, then sends
 * the citizen to the staff. The card photo (the reference) is wiped when the screen goes, whatever happened;
 * each check works on its own copy, which the background job wipes when it ends; the live frame never leaves
 * the background job. A live camera picture (ADR 0185) with an oval for the face runs beside the words until the
 * final outcome or the citizen leaves; its frames are decoded off the JavaFX thread and zeroed once painted.
 */
public final class FaceVerificationScreen extends FlowScreen {

    public static final String ID = "face-verification";

    private static final org.slf4j.Logger PREVIEW_LOG = org.slf4j.LoggerFactory.getLogger(FaceVerificationScreen.class);

    /** Where the check stands; each state is one sentence on screen. */
    public enum State { LOOK, VERIFYING, NO_MATCH, NO_FACE, LOOK_AGAIN, USE_STAFF, UNAVAILABLE }

    private final KioskService service;
    private final Identity card;
    private final FaceReference reference;
    private final FaceVerifier verifier;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.LOOK);
    private int attemptsLeft;
    private FacePreview preview;

    /**
     * @param card      the identity from the card just read (not yet a session)
     * @param reference the card holder's number and card photo; this screen wipes it when it goes
     */
    public FaceVerificationScreen(UiContext ctx, KioskService service, Identity card, FaceReference reference,
                                  FaceVerifier verifier) {
        super(ctx);
        this.service = service;
        this.card = card;
        this.reference = reference;
        this.verifier = verifier;
        this.attemptsLeft = verifier.attempts();
    }

    @Override
    public String id() {
        return ID;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    @Override
    protected String titleKey() {
        return "face.title";
    }

    @Override
    protected void shown() {
        startPreview();
        verify();
    }

    /**
     * The live picture (ADR 0185) runs while the citizen may still be checked: from the screen's start through
     * "try again", until a final outcome or leaving the screen; it never holds up the check.
     */
    private void startPreview() {
        if (preview == null || verifier.previewFps() == 0) {
            return;
        }
        try {
            preview.start(verifier);
            whileShown(preview::stop);
        } catch (org.openkiosk.device.DeviceException e) {
            // not enabled (being recovered): the check itself reports the device; the screen shows no picture
            PREVIEW_LOG.warn("face screen: no camera preview: {}", e.getMessage());
        }
    }

    @Override
    protected Node content() {
        Label look = text("face.look", "body-text");
        Label status = new Label();
        status.setId("face-status");
        status.getStyleClass().add("screen-subtitle");
        status.setWrapText(true);
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> m.get("face.state." + state.get().name().toLowerCase(Locale.ROOT)), state, m.languageProperty()));
        VBox words = new VBox(24, look, status);
        words.setAlignment(Pos.TOP_LEFT);
        if (verifier.previewFps() == 0) {
            return words;
        }
        preview = new FacePreview(ctx.elderModeProperty());
        Label frame = text("face.frame", "face-frame-hint");
        VBox picture = new VBox(12, preview, frame);
        picture.setAlignment(Pos.TOP_CENTER);
        picture.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(40, picture, words);
        box.setAlignment(Pos.TOP_LEFT);
        javafx.scene.layout.HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** The live camera picture, or null when {@code previewFps} is 0 (for tests). */
    public FacePreview preview() {
        return preview;
    }

    private void stopPreview() {
        if (preview != null) {
            preview.stop();
        }
    }

    @Override
    protected List<Node> actions() {
        Button retry = button("face-retry", "face.retry", "primary-button", this::verify);
        retry.visibleProperty().bind(state.isEqualTo(State.NO_MATCH).or(state.isEqualTo(State.NO_FACE))
                .or(state.isEqualTo(State.LOOK_AGAIN)));
        retry.managedProperty().bind(retry.visibleProperty());
        List<Node> actions = new ArrayList<>();
        actions.add(retry);
        return actions;
    }

    private void verify() {
        state.set(State.VERIFYING);
        // the task's own copy of the card photo, wiped by the task: the citizen may leave (and this screen wipe
        // its reference) while the check still runs, and the check must neither read a zeroed photo nor keep one
        FaceReference copy = new FaceReference(reference.holder(), reference.cardPhoto().clone());
        work(() -> {
            FaceMatch match;
            try (copy) {
                match = verifier.verify(copy);
            }
            Identity after = services().identification().afterFaceVerification(card, outcome(match));
            return new Checked(match, after);
        }, this::checked, failure -> {
            state.set(State.UNAVAILABLE);
            stopPreview();
            ctx.work().run(() -> {
                services().identification().recordFaceVerification(card, FaceVerificationOutcome.NOT_POSSIBLE);
                return null;
            }, ignored -> { }, ignored -> { });
        });
    }

    private record Checked(FaceMatch match, Identity identity) {}

    private void checked(Checked result) {
        if (result.match() == FaceMatch.MATCH) {
            stopPreview();
            reference.close();
            ctx.startSession(IdentificationMethod.ID_CARD_AND_FACE, result.identity());
            if (service != null) {
                ctx.sessions().current().orElseThrow().choose("service", service.name());
            }
            ctx.navigator().show(ctx.screens().identityConfirmed(service));
            return;
        }
        attemptsLeft--;
        if (attemptsLeft <= 0) {
            state.set(State.USE_STAFF);
            stopPreview();
            reference.close();
        } else {
            // a failed liveness check is a plain "look again" (ADR 0118), never an accusation; it uses up an attempt
            state.set(switch (result.match()) {
                case NO_FACE -> State.NO_FACE;
                case NOT_LIVE -> State.LOOK_AGAIN;
                default -> State.NO_MATCH;
            });
        }
    }

    private static FaceVerificationOutcome outcome(FaceMatch match) {
        return switch (match) {
            case MATCH -> FaceVerificationOutcome.MATCH;
            case NO_MATCH -> FaceVerificationOutcome.NO_MATCH;
            case NO_FACE -> FaceVerificationOutcome.NOT_POSSIBLE;
            case NOT_LIVE -> FaceVerificationOutcome.NOT_LIVE;
        };
    }

    @Override
    public void onHide() {
        super.onHide();
        reference.close(); // the card photo goes with the screen, matched or not
    }
}
