package org.openkiosk.app.ui.screens.appointment;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import org.openkiosk.app.service.appointment.AppointmentException;
import org.openkiosk.app.ui.widgets.KioskScrollPane;
import org.openkiosk.app.ui.widgets.TileGrid;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Appointments, step 3: a time slot that still has free places. */
public final class BookSlotScreen extends FlowScreen {

    public static final String ID = "book-slot";
    /** A working day's 30-minute slots in four columns: two to four rows, large enough in elder mode too. */
    static final int SLOT_COLUMNS = 4;

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
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.booking(2));
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
        work(() -> services().appointments().day(serviceCode, hall, day), this::show);
    }

    /** The whole day as one grid: every slot, the free places of those that can be booked, why not for others. */
    private void show(List<SlotAvailability> slots) {
        if (slots.stream().noneMatch(SlotAvailability::bookable)) {
            list.getChildren().setAll(text("book.day.none", "body-text"));
            return;
        }
        TileGrid grid = new TileGrid(SLOT_COLUMNS, 14,
                slots.stream().map(this::slotTile).toList());
        grid.setId("book-slots");
        ScrollPane scroll = new KioskScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("slot-scroll");
        scroll.setMinHeight(0); // a small screen scrolls the day rather than push the buttons off it
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        list.getChildren().setAll(data(day.toString(), "screen-subtitle"), scroll);
    }

    private Node slotTile(SlotAvailability s) {
        Node status = s.bookable() ? text("book.slot.free", "choice-hint", s.free())
                : text(s.refusal().orElseThrow() == AppointmentException.Reason.SLOT_FULL
                        ? "book.slot.full" : "book.slot.unavailable", "choice-hint");
        Button tile = choice("slot-" + s.start().toString().replace(":", ""),
                () -> ctx.navigator().show(ctx.screens().bookConfirm(serviceCode, day, s, rescheduling)),
                data(s.start() + "–" + s.end(), "slot-time"), status);
        tile.getStyleClass().add("slot-tile");
        if (!s.bookable()) {
            tile.disableProperty().unbind();
            tile.setDisable(true);
        }
        return tile;
    }

    @Override
    protected List<Node> actions() {
        return List.of(button("back", "action.back", "secondary-button",
                () -> ctx.navigator().show(ctx.screens().bookDay(serviceCode, rescheduling))));
    }
}
