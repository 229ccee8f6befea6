package org.openkiosk.app.ui.screens.appointment;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.flow.SessionKeys;

/** Appointments, step 4: confirm; booking (or moving) takes the seat and prints the slip. */
public final class BookConfirmScreen extends FlowScreen {

    public static final String ID = "book-confirm";

    private final String serviceCode;
    private final LocalDate day;
    private final SlotAvailability slot;
    private final String rescheduling;

    public BookConfirmScreen(UiContext ctx, String serviceCode, LocalDate day, SlotAvailability slot,
                             String rescheduling) {
        super(ctx);
        this.serviceCode = serviceCode;
        this.day = day;
        this.slot = slot;
        this.rescheduling = rescheduling;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.booking(3));
    }

    @Override
    protected String titleKey() {
        return rescheduling == null ? "book.confirm.title" : "book.reschedule.title";
    }

    @Override
    protected Node content() {
        return new VBox(20, data(day + "  " + slot.start() + " – " + slot.end(), "screen-subtitle"),
                text("book.confirm.hint", "body-text"));
    }

    @Override
    protected List<Node> actions() {
        return List.of(
                button("back", "action.back", "secondary-button",
                        () -> ctx.navigator().show(ctx.screens().bookSlot(serviceCode, day, rescheduling))),
                button("book", "book.confirm", "primary-button", this::book));
    }

    void book() {
        Identity who = identity();
        String hall = ctx.config().kiosk().hallId();
        session().choose(SessionKeys.RATED_SERVICE, serviceCode);
        work(() -> rescheduling == null
                        ? services().appointments().book(who, serviceCode, hall, day, slot.start())
                        : services().appointments().reschedule(who, rescheduling, day, slot.start()),
                result -> ctx.navigator().show(ctx.screens().booked(result)));
    }
}
