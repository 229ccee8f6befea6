package org.openkiosk.app.ui.screens.appointment;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.flow.FlowScreen;

/** Appointments, step 1: which service (only those that take appointments). */
public final class BookServiceScreen extends FlowScreen {

    public static final String ID = "book-service";

    private final VBox list = new VBox(12);

    public BookServiceScreen(UiContext ctx) {
        super(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected java.util.Optional<org.openkiosk.app.ui.widgets.FlowStep> step() {
        return java.util.Optional.of(org.openkiosk.app.ui.widgets.FlowStep.booking(0));
    }

    @Override
    protected String titleKey() {
        return "book.service.title";
    }

    @Override
    protected Node content() {
        return list;
    }

    @Override
    protected void shown() {
        work(() -> services().appointments().bookableServices(), services -> list.getChildren().setAll(
                pagedChoices("book-services", services, s -> choice("book-" + s.code(), org.openkiosk.app.ui.widgets.Icon.CALENDAR,
                        () -> ctx.navigator().show(ctx.screens().bookDay(s.code(), null)),
                        bilingual(s.titleZh(), s.titleEn(), "choice-title")))));
    }
}
