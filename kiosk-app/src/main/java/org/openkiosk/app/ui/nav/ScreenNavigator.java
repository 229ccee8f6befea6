package org.openkiosk.app.ui.nav;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows one {@link Screen} at a time in its host pane. {@link #home()} builds a fresh attract screen. Call
 * only on the JavaFX thread.
 */
public final class ScreenNavigator {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenNavigator.class);

    private final StackPane host = new StackPane();
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(this, "current");
    private Supplier<? extends Screen> home;

    public ScreenNavigator() {
        host.getStyleClass().add("screen-host");
    }

    /** The pane screens are shown in; the shell puts it in its layout. */
    public StackPane host() {
        return host;
    }

    public void setHome(Supplier<? extends Screen> home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    public void show(Screen next) {
        Objects.requireNonNull(next, "next");
        Screen previous = current.get();
        if (previous != null) {
            try {
                previous.onHide();
            } catch (RuntimeException e) {
                LOG.error("screen {} failed to hide cleanly", previous.id(), e);
            }
        }
        host.getChildren().setAll(next.view());
        current.set(next);
        LOG.info("screen {}", next.id());
        next.onShow();
    }

    /** Back to a fresh attract screen. */
    public void home() {
        show(Objects.requireNonNull(home, "no home screen set").get());
    }

    public Screen current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
