package org.openkiosk.app.ui.screens.finish;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/**
 * "Take your ID card and papers": the session is wiped as this screen appears (nothing personal is shown or
 * kept from here on), and after a few seconds — or one touch — the attract screen returns.
 */
public final class LeavingScreen extends FlowScreen {

    public static final String ID = "leaving";
    static final Duration SHOWN_FOR = Duration.seconds(8);

    private final PauseTransition timer = new PauseTransition(SHOWN_FOR);
    /** Read before the session is wiped: only a citizen who got a receipt, ticket or slip is told to take it. */
    private final boolean receiptPrinted;

    public LeavingScreen(UiContext ctx) {
        super(ctx);
        receiptPrinted = ctx.sessions().current()
                .flatMap(s -> s.choice(org.openkiosk.app.ui.flow.SessionKeys.RECEIPT_PRINTED)).isPresent();
    }

    public boolean mentionsReceipt() {
        return receiptPrinted;
    }

    @Override
    public java.util.Optional<org.openkiosk.app.ui.voice.VoicePrompt> voicePrompt() {
        return java.util.Optional.of(org.openkiosk.app.ui.voice.VoicePrompt.of(
                receiptPrinted ? "voice.leaving.receipt" : "voice.leaving"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "leaving.title";
    }

    @Override
    protected Node content() {
        var message = text(receiptPrinted ? "leaving.message.receipt" : "leaving.message", "screen-subtitle");
        message.setId("leaving-message");
        return new VBox(24, message, text("leaving.thanks", "body-text"));
    }

    @Override
    protected boolean offersHome() {
        return false;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("leave", "action.finish", "primary-button", ctx::endSession));
    }

    @Override
    protected void shown() {
        ctx.sessions().end();
        ctx.clearRedaction();
        timer.setOnFinished(e -> ctx.endSession());
        timer.playFromStart();
    }

    @Override
    public void onHide() {
        timer.stop();
        super.onHide();
    }
}
