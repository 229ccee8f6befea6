package org.openkiosk.app.ui.screens.maintenance;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.i18n.UiText;
import org.openkiosk.app.ui.nav.Screen;

/**
 * "暂停服务 / Out of service" while a technician has taken the kiosk out of service: both languages at once (like
 * the start-up out-of-service screen), the code {@value ServiceState#CODE} and the technician's reason. It is the
 * home screen until the technician puts the kiosk back (the maintenance gesture works here). Not idle-timed.
 */
public final class MaintenanceOutOfServiceScreen implements Screen {

    public static final String ID = "maintenance-out-of-service";

    private final UiContext ctx;
    private VBox view;

    public MaintenanceOutOfServiceScreen(UiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String id() {
        return ID;
    }

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
        Label code = UiText.data(new Label(ServiceState.CODE));
        code.setId("maint-oos-code");
        code.getStyleClass().add("oos-code");
        Label reason = UiText.data(new Label(ctx.maintenance().serviceState().outOfService()
                .map(ServiceState.OutOfService::reason).orElse("")));
        reason.setId("maint-oos-reason");
        reason.getStyleClass().add("oos-retry");
        return org.openkiosk.app.ui.screens.outofservice.OutOfServiceNotice.build(ctx.messages(), code, reason);
    }
}
