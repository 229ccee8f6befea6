package org.openkiosk.app.ui.screens.checkin;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.appointment.AppointmentQr;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.queue.TicketResult;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.DeviceInputs;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.SessionIdentity;
import org.openkiosk.app.ui.flow.SessionKeys;

/**
 * Check-in: with the slip that identified the citizen, or their earliest booking here today (card or typed
 * number); a slip scanned on this screen checks that booking in. Without a booking today: a walk-in ticket.
 */
public final class CheckInScreen extends FlowScreen {

    public static final String ID = "check-in";

    public CheckInScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "checkin.title";
    }

    @Override
    protected Node content() {
        return new VBox(20, text("checkin.hint", "body-text"));
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("walk-in", "checkin.walkin", "secondary-button",
                () -> ctx.navigator().show(ctx.screens().walkIn())));
    }

    @Override
    protected void shown() {
        arm();
        Optional<String> code = SessionIdentity.bookingCode(session());
        session().choose(SessionKeys.RATED_SERVICE, "check-in");
        if (code.isPresent()) {
            String booking = code.get();
            work(() -> services().queue().checkIn(booking), this::ticket);
        } else {
            Identity who = identity();
            work(() -> services().queue().checkIn(who), this::ticket);
        }
    }

    private void arm() {
        whileShown(DeviceInputs.armScanner(ctx.runtimeIfAny(), this::scanned));
    }

    /** A slip scanned on this screen (JavaFX thread). */
    public void scanned(String payload) {
        ctx.activity();
        Optional<String> code = AppointmentQr.parse(payload);
        if (code.isEmpty()) {
            showError("error.identify.not_an_appointment_code");
            arm();
            return;
        }
        work(() -> services().queue().checkIn(code.get()), this::ticket, failure -> {
            showError(org.openkiosk.app.ui.flow.ErrorMessages.keyOf(failure));
            arm();
        });
    }

    private void ticket(TicketResult result) {
        ctx.navigator().show(ctx.screens().ticket(result));
    }
}
