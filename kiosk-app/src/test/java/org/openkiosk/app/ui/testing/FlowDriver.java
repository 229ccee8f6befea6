package org.openkiosk.app.ui.testing;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.input.MouseEvent;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.app.ui.flow.FlowScreen;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.idcard.Sex;
import org.openkiosk.device.idcard.ValidUntil;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks a citizen flow in a {@link FxShell}: touches by id (counted), waits for screens and for background work,
 * and places the demo card — through the runtime's simulated reader when it has one, else straight to the
 * identify screen.
 */
public final class FlowDriver {

    private final FxShell fx;
    private final AtomicInteger touches = new AtomicInteger();

    public FlowDriver(FxShell fx) {
        this.fx = fx;
        EventHandler<MouseEvent> count = e -> touches.incrementAndGet();
        fx.fx(() -> fx.shell.scene().addEventFilter(MouseEvent.MOUSE_PRESSED, count));
    }

    public int touches() {
        return touches.get();
    }

    public void resetTouches() {
        touches.set(0);
    }

    /** Touches the node with this CSS id once its screen has finished its background work. */
    public void touch(String id) {
        awaitIdle();
        await(() -> fx.robot.lookup("#" + id).tryQuery().isPresent(), "#" + id + " on " + screenId());
        fx.robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public String screenId() {
        return fx.fx(() -> fx.ctx().navigator().current().id());
    }

    public Screen screen() {
        return fx.fx(() -> fx.ctx().navigator().current());
    }

    public void awaitScreen(String id) {
        await(() -> id.equals(fx.ctx().navigator().current().id()), "screen " + id + " (now " + screenId() + ")");
        awaitIdle();
    }

    /** Until the current screen's background work has ended. */
    public void awaitIdle() {
        await(() -> {
            Screen s = fx.ctx().navigator().current();
            if (s instanceof FlowScreen f) {
                return !f.busyProperty().get();
            }
            if (s instanceof IdentifyScreen i) {
                return !i.busyProperty().get();
            }
            return true;
        }, "background work on " + screenId());
    }

    /** Waits (up to 20 s) until {@code condition}, evaluated on the JavaFX thread, holds. */
    public void await(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx.fx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** The card is placed while the attract screen shows: identification starts from there. */
    public void placeCardOnAttract() {
        if (fx.runtime != null && fx.runtime.demoControls().isPresent()) {
            placeCard();
            return;
        }
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().identify(null)));
        placeCard();
    }

    /** The demo resident card (测试, 11010519491231002X) is placed on the reader. */
    public void placeCard() {
        KioskRuntime runtime = fx.runtime;
        if (runtime != null && runtime.demoControls().isPresent()) {
            org.openkiosk.app.ui.flow.DemoPanel.placeAgain(runtime.demoControls().get());
            return;
        }
        IdCard card = new IdCard(CardType.RESIDENT, "测试", Sex.FEMALE, null, LocalDate.of(1949, 12, 31), null,
                "11010519491231002X", null, LocalDate.of(2020, 1, 1), ValidUntil.LONG_TERM, null, null, null, null,
                null, null, null);
        fx.fx(() -> ((IdentifyScreen) fx.ctx().navigator().current()).acceptCard(card));
    }
}
