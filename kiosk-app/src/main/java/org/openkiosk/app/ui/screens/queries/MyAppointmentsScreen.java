package org.openkiosk.app.ui.screens.queries;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingStatus;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** My bookings, newest first; an active one can be cancelled or moved to another slot from here. */
public final class MyAppointmentsScreen extends FlowScreen {

    public static final String ID = "my-appointments";

    private final VBox list = new VBox(16);

    public MyAppointmentsScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String titleKey() {
        return "queries.appointments";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("back", "action.back", "secondary-button",
                () -> ctx.navigator().show(ctx.screens().queries())));
    }

    @Override
    protected void shown() {
        load();
    }

    private void load() {
        Identity who = identity();
        work(() -> services().queries().appointments(who), this::show);
    }

    private void show(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            list.getChildren().setAll(text("appointments.none", "body-text"));
            return;
        }
        list.getChildren().setAll(pagedChoices("bookings", bookings, b -> {
            VBox row = new VBox(6,
                    data(b.date() + "  " + b.start() + "   " + b.serviceCode() + "   " + b.code(), "choice-title"),
                    text("booking.status." + b.status().name().toLowerCase(java.util.Locale.ROOT), "choice-hint"));
            if (b.status() == BookingStatus.BOOKED) {
                row.getChildren().add(new HBox(16,
                        button("cancel-" + b.code(), "booking.cancel", "secondary-button", () -> cancel(b)),
                        button("reschedule-" + b.code(), "booking.reschedule", "secondary-button",
                                () -> ctx.navigator().show(ctx.screens().bookDay(b.serviceCode(), b.code())))));
            }
            row.getStyleClass().add("booking-row");
            return row;
        }));
    }

    private void cancel(Booking booking) {
        Identity who = identity();
        work(() -> services().appointments().cancel(who, booking.code()), cancelled -> {
            load();
        });
    }
}
