package org.openkiosk.app.ui.flow;

import java.util.Comparator;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.openkiosk.app.runtime.DemoControls;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingStatus;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.device.idcard.CardType;

/**
 * Demo mode only: a small row of buttons that act on the simulated devices (place the demo card, scan the demo
 * person's newest appointment slip, A4 printer out of paper), so a visitor can try every flow without
 * hardware. The calls go to the wire-level simulators, off the JavaFX thread.
 */
public final class DemoPanel {

    private DemoPanel() {}

    /** The panel, or an empty node when the kiosk is not in demo mode. */
    public static Node of(UiContext ctx) {
        Optional<KioskRuntime> runtime = ctx.runtimeIfAny().filter(KioskRuntime::demo);
        if (runtime.isEmpty() || runtime.get().demoControls().isEmpty()) {
            HBox none = new HBox();
            none.setManaged(false);
            return none;
        }
        DemoControls demo = runtime.get().demoControls().get();
        BooleanProperty paperOut = new SimpleBooleanProperty();
        Button card = demoButton(ctx, "demo-card", "demo.card", () -> placeAgain(demo));
        Button scan = demoButton(ctx, "demo-scan", "demo.scan", () -> demo.scan(newestSlip(runtime.get())));
        Button paper = new Button();
        paper.setId("demo-paper");
        paper.getStyleClass().add("demo-button");
        paper.textProperty().bind(javafx.beans.binding.Bindings.when(paperOut)
                .then(ctx.messages().text("demo.paper.refill")).otherwise(ctx.messages().text("demo.paper.out")));
        paper.setOnAction(e -> {
            boolean out = !paperOut.get();
            paperOut.set(out);
            ctx.work().run(() -> {
                demo.a4PaperOut(out);
                return null;
            }, r -> { }, f -> { });
        });
        HBox box = new HBox(12, card, scan, paper);
        box.setId("demo-panel");
        box.getStyleClass().add("demo-panel");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button demoButton(UiContext ctx, String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("demo-button");
        b.textProperty().bind(ctx.messages().text(key));
        b.setOnAction(e -> ctx.work().run(() -> {
            action.run();
            return null;
        }, r -> { }, f -> { }));
        return b;
    }

    /** Takes the card off first (it may lie there from the last visitor) so the reader reads it anew. */
    public static void placeAgain(DemoControls demo) {
        demo.removeCard();
        try {
            Thread.sleep(REMOVED_FOR_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        demo.placeCard(CardType.RESIDENT);
    }

    /** Longer than two polls of the reader (300 ms each), so it notices the card was gone. */
    static final long REMOVED_FOR_MS = 800;

    /** The QR payload of the demo person's newest active booking, or a code that is no slip. */
    static String newestSlip(KioskRuntime runtime) {
        // the demo panel plays the citizen holding their own card, so it may list their bookings
        Identity demoPerson = new Identity(DemoData.TEST_PERSON, Optional.empty(), IdentitySource.CARD,
                Optional.empty(), Optional.empty());
        return runtime.services().queries().appointments(demoPerson).stream()
                .filter(b -> b.status() == BookingStatus.BOOKED)
                .max(Comparator.comparing(Booking::id))
                .map(Booking::qrPayload)
                .orElse("DEMO-NO-BOOKING");
    }
}
