package org.openkiosk.app.ui;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.openkiosk.app.fleet.HelpCalls;

/**
 * The kiosk's help call as the screens see it: the open call on the JavaFX thread, and the citizen's and the idle
 * timer's ways to raise and end it. {@link HelpCalls} never blocks, so calling it from the JavaFX thread is fine.
 */
public final class HelpCallModel implements AutoCloseable {

    private final HelpCalls calls;
    private final ObjectProperty<Optional<HelpCalls.Call>> call = new SimpleObjectProperty<>(this, "call", Optional.empty());
    private final Consumer<Optional<HelpCalls.Call>> follower;

    public HelpCallModel(HelpCalls calls) {
        this.calls = calls;
        this.follower = next -> {
            if (Platform.isFxApplicationThread()) {
                call.set(next);
            } else {
                Platform.runLater(() -> call.set(calls.current()));
            }
        };
        calls.addListener(follower);
        call.set(calls.current());
    }

    public ReadOnlyObjectProperty<Optional<HelpCalls.Call>> callProperty() {
        return call;
    }

    /** The citizen pressed "Call staff" on {@code screen} during {@code service} (a code, never who they are). */
    public void raise(String screen, Optional<String> service) {
        calls.raise(screen, service);
    }

    /** The citizen no longer needs staff (or read the phone number and closed the note). */
    public void cancelByCitizen() {
        calls.cancel(HelpCalls.CANCELLED_BY_CITIZEN);
    }

    /** The idle timer reset the kiosk: nobody is left waiting for the staff who come. */
    public void cancelForIdleReset() {
        calls.cancel(HelpCalls.CANCELLED_BY_IDLE_RESET);
    }

    @Override
    public void close() {
        calls.removeListener(follower);
    }
}
