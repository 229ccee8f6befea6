package org.openkiosk.app.ui.screens.checkin;

import java.util.Optional;
import org.openkiosk.app.ui.voice.VoicePrompt;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.queue.TicketResult;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.PrintWords;

/** The queue ticket: number, people ahead, estimated wait, and whether the paper ticket came out. */
public final class TicketScreen extends FlowScreen {

    public static final String ID = "ticket";

    private final TicketResult result;

    public TicketScreen(UiContext ctx, TicketResult result) {
        super(ctx);
        this.result = result;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<VoicePrompt> voicePrompt() {
        return Optional.of(VoicePrompt.of(PrintWords.key(result.print(), "voice.ticket.printed", "voice.ticket.sent",
                "voice.ticket.not_printed")));
    }

    @Override
    protected void shown() {
        if (result.print().printed()) {
            receiptPrinted();
        }
    }

    public TicketResult result() {
        return result;
    }

    @Override
    protected String titleKey() {
        return "ticket.title";
    }

    @Override
    protected Node content() {
        var t = result.ticket();
        var number = data(t.ticketNo(), "ticket-number");
        number.setId("ticket-number");
        var printed = text(PrintWords.key(result.print(), "ticket.printed", "ticket.sent", "ticket.not_printed"),
                result.print().printed() ? "body-text" : "error-text");
        printed.setId("ticket-message");
        String standing = standingKey(t);
        if (standing != null) {
            var words = text(standing, "body-text");
            words.setId("ticket-standing");
            return new VBox(20, number, words, printed);
        }
        VBox words = new VBox(20, number,
                text("ticket.ahead", "screen-subtitle", t.peopleAhead()),
                text("ticket.wait", "body-text", t.estimatedWait().toMinutes()),
                printed);
        return result.print().printed() ? org.openkiosk.app.ui.widgets.Illustrations.beside(words,
                org.openkiosk.app.ui.widgets.Illustrations.paperOut(false)) : words;
    }

    /**
     * What the citizen is told about a ticket whose place in the hall's queue is not known; null when it is. Only
     * what is true: a check-in is never called "checked in" before the hall store took it (ADR 0173), and the hall is
     * not said to be away when it was the kiosk's own journal that failed after the commit (ADR 0199).
     */
    static String standingKey(org.openkiosk.app.service.queue.QueueTicket t) {
        if (t.checkInUnconfirmed()) {
            return t.forwardPending() ? "ticket.checkin_recorded" : "ticket.checkin_pending";
        }
        if (t.forwardPending()) {
            return "ticket.recorded";
        }
        return t.queueKnown() ? null : "ticket.offline"; // issued offline (ADR 0161)
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
