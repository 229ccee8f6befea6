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

    public LeavingScreen(UiContext ctx) {
        super(ctx);
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
        var message = text("leaving.message", "screen-subtitle");
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
