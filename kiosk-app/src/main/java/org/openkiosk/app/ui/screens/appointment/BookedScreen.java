package org.openkiosk.app.ui.screens.appointment;

import java.util.Optional;
import org.openkiosk.app.ui.voice.VoicePrompt;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.PrintWords;

/** The booking is made: when and where, the code, and whether the slip came out (check-in works by card too). */
public final class BookedScreen extends FlowScreen {

    public static final String ID = "booked";

    private final BookingResult result;

    public BookedScreen(UiContext ctx, BookingResult result) {
        super(ctx);
        this.result = result;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<VoicePrompt> voicePrompt() {
        return Optional.of(VoicePrompt.of(PrintWords.key(result.slipPrint(), "voice.booked.printed", "voice.booked.sent",
                "voice.booked.failed")));
    }

    @Override
    protected void shown() {
        if (result.slipPrint().printed()) {
            receiptPrinted();
        }
    }

    @Override
    protected String titleKey() {
        return "booked.title";
    }

    @Override
    protected Node content() {
        var b = result.booking();
        var slip = text(PrintWords.key(result.slipPrint(), "booked.slip.printed", "booked.slip.sent", "booked.slip.failed"),
                result.slipPrint().printed() ? "body-text" : "error-text");
        slip.setId("slip-message");
        VBox words = new VBox(20, data(b.date() + "  " + b.start() + " – " + result.slip().end(), "screen-subtitle"),
                text("booked.code", "body-text", b.code()), slip);
        return result.slipPrint().printed() ? org.openkiosk.app.ui.widgets.Illustrations.beside(words,
                org.openkiosk.app.ui.widgets.Illustrations.paperOut(false)) : words;
    }

    @Override
    protected boolean offersHome() {
        return false;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("done", "action.done", "primary-button",
                () -> ctx.navigator().show(ctx.screens().rating())));
    }
}
