package org.openkiosk.app.ui.screens.appointment;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Appointments, step 2: a day with free places (also the first step of moving a booking). */
public final class BookDayScreen extends FlowScreen {

    public static final String ID = "book-day";

    private final String serviceCode;
    private final String rescheduling;
    private final VBox list = new VBox(12);

    /** @param rescheduling the booking being moved, or null for a new booking */
    public BookDayScreen(UiContext ctx, String serviceCode, String rescheduling) {
        super(ctx);
        this.serviceCode = serviceCode;
        this.rescheduling = rescheduling;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "book.day.title";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected void shown() {
        String hall = ctx.config().kiosk().hallId();
        work(() -> services().appointments().daysWithFreeSeats(serviceCode, hall), days -> {
            if (days.isEmpty()) {
                list.getChildren().setAll(text("book.day.none", "body-text"));
                return;
            }
            list.getChildren().setAll(pagedChoices("book-days", days, d -> choice("day-" + d,
                    () -> ctx.navigator().show(ctx.screens().bookSlot(serviceCode, d, rescheduling)),
                    data(d.format(DateTimeFormatter.ISO_LOCAL_DATE) + "  "
                            + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, m.language().locale()),
                            "choice-title"))));
        });
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("back", "action.back", "secondary-button", () -> ctx.navigator().show(
                rescheduling == null ? ctx.screens().bookService() : ctx.screens().myAppointments())));
    }
}
