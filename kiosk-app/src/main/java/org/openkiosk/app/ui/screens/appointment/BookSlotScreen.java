package org.openkiosk.app.ui.screens.appointment;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Appointments, step 3: a time slot that still has free places. */
public final class BookSlotScreen extends FlowScreen {

    public static final String ID = "book-slot";

    private final String serviceCode;
    private final LocalDate day;
    private final String rescheduling;
    private final VBox list = new VBox(12);

    public BookSlotScreen(UiContext ctx, String serviceCode, LocalDate day, String rescheduling) {
        super(ctx);
        this.serviceCode = serviceCode;
        this.day = day;
        this.rescheduling = rescheduling;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "book.slot.title";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected void shown() {
        String hall = ctx.config().kiosk().hallId();
        work(() -> services().appointments().day(serviceCode, hall, day).stream()
                .filter(SlotAvailability::bookable).toList(), slots -> list.getChildren().setAll(
                pagedChoices("book-slots", slots, s -> choice("slot-" + s.start().toString().replace(":", ""),
                        () -> ctx.navigator().show(ctx.screens().bookConfirm(serviceCode, day, s, rescheduling)),
                        data(day + "  " + s.start() + " – " + s.end(), "choice-title"),
                        text("book.slot.free", "choice-hint", s.free())))));
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("back", "action.back", "secondary-button",
                () -> ctx.navigator().show(ctx.screens().bookDay(serviceCode, rescheduling))));
    }
}
