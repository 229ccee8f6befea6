package org.openkiosk.app.ui.screens.outofservice;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.openkiosk.app.runtime.DeviceProblem;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.nav.Screen;

/**
 * The home screen while a required device is not usable (paper out on the receipt printer, the reader unplugged):
 * the next citizen is told at once, in both languages, instead of starting a service that cannot finish; the
 * technician sees the {@code E-DEV-<name>} codes and the device's own words. The shell leaves this screen by
 * itself when the device reports it is usable again (the runtime retries devices in the background).
 */
public final class DeviceTroubleScreen implements Screen {

    public static final String ID = "device-out-of-service";

    private final UiContext ctx;
    private final List<DeviceProblem> problems;
    private VBox view;

    public DeviceTroubleScreen(UiContext ctx, List<DeviceProblem> problems) {
        this.ctx = ctx;
        this.problems = List.copyOf(problems);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Nobody is being served here: there is nothing to reset. */
    @Override
    public boolean idleTimed() {
        return false;
    }

    @Override
    public Parent view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private VBox build() {
        Label codes = UiText.data(new Label(String.join("  ", problems.stream().map(DeviceProblem::code).toList())));
        codes.setId("device-trouble-codes");
        codes.getStyleClass().add("oos-code");
        // technician-facing: the driver's own description of the cause and what to do
        Label details = UiText.data(new Label(String.join("\n", problems.stream()
                .map(p -> p.code() + "  " + p.health().text() + " — " + p.health().action().description()).toList())));
        details.getStyleClass().add("oos-details");
        details.setWrapText(true);
        VBox box = OutOfServiceNotice.build(ctx.messages(), codes, details);
        box.setId("device-trouble");
        return box;
    }
}
