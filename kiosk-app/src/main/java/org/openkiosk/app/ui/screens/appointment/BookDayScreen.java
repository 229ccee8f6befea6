package org.openkiosk.app.ui.screens.appointment;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.openkiosk.app.ui.i18n.Language;
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
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.booking(1));
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
            list.getChildren().setAll(pagedStrip("book-days", days, this::dayTile));
        });
    }

    /** A calendar-strip day: weekday, the day of the month large, the month. */
    private Node dayTile(LocalDate d) {
        Locale locale = m.language().locale();
        Label weekday = data(d.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale), "choice-hint");
        Label dayOfMonth = data(String.valueOf(d.getDayOfMonth()), "day-number");
        Label month = data(d.format(DateTimeFormatter.ofPattern(m.language() == Language.ZH ? "M月" : "MMM", locale)),
                "choice-hint");
        Button tile = choice("day-" + d, () -> ctx.navigator().show(ctx.screens().bookSlot(serviceCode, d, rescheduling)),
                weekday, dayOfMonth, month);
        tile.getStyleClass().add("day-tile");
        HBox face = (HBox) tile.getGraphic();
        face.setAlignment(Pos.CENTER);
        ((VBox) face.getChildren().get(0)).setAlignment(Pos.CENTER);
        return tile;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("back", "action.back", "secondary-button", () -> ctx.navigator().show(
                rescheduling == null ? ctx.screens().bookService() : ctx.screens().myAppointments())));
    }
}
