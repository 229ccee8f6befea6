package org.openkiosk.app.ui;

import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.screens.identify.IdentityConfirmedScreen;

/**
 * Creates fresh screens; the one place that knows every screen class. Flows ask it for the next screen
 * ({@code ctx.navigator().show(ctx.screens().identify(service))}) instead of constructing screens themselves.
 */
public final class ScreenFactory {

    private final UiContext ctx;

    public ScreenFactory(UiContext ctx) {
        this.ctx = ctx;
    }

    public Screen attract() {
        return new AttractScreen(ctx);
    }

    public Screen identify(KioskService service) {
        return new IdentifyScreen(ctx, service);
    }

    public Screen identityConfirmed(KioskService service) {
        return new IdentityConfirmedScreen(ctx, service);
    }

    /** The attract screen, or "out of service" (E-MAINT) while a technician has taken the kiosk out of service. */
    public Screen home() {
        return ctx.maintenance() != null && !ctx.maintenance().serviceState().inService()
                ? new org.openkiosk.app.ui.screens.maintenance.MaintenanceOutOfServiceScreen(ctx)
                : attract();
    }

    public Screen maintenancePin() {
        return new org.openkiosk.app.ui.screens.maintenance.PinScreen(ctx);
    }

    public Screen maintenance() {
        return new org.openkiosk.app.ui.screens.maintenance.MaintenanceScreen(ctx);
    }
}
