package org.openkiosk.app.ui.screens.maintenance;

import java.nio.file.Path;
import java.util.Optional;
import org.openkiosk.app.config.ConfigDirectory;
import org.openkiosk.app.config.DataDirectory;
import org.openkiosk.app.maintenance.InteractiveChecks;
import org.openkiosk.app.maintenance.MaintenanceAccess;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.ui.UiContext;
import org.openkiosk.app.ui.nav.Screen;
import org.openkiosk.app.ui.screens.attract.AttractScreen;

/**
 * Maintenance mode of one shell: who may enter ({@link MaintenanceAccess}), the technician's out-of-service switch
 * ({@link ServiceState}), and where the configuration and data live. JavaFX thread, except the objects it hands
 * out, which are thread-safe.
 */
public final class MaintenanceMode {

    private final UiContext ctx;
    private final Path configDir;
    private final Path dataDir;
    private final MaintenanceAccess access;
    private final ServiceState serviceState;

    public MaintenanceMode(UiContext ctx, Path configDir, Path dataDir) {
        this.ctx = ctx;
        this.configDir = configDir != null ? configDir : ConfigDirectory.resolve(null);
        this.dataDir = dataDir != null ? dataDir : DataDirectory.resolve(null);
        // with a runtime, every entry, refusal and action also goes to the keyed audit trail (off this thread)
        this.access = MaintenanceAccess.of(ctx.config(), ctx.demo(), ctx.clock(), ctx.hasRuntime()
                ? Optional.of(ctx.runtime().services().auditInBackground()) : Optional.empty());
        // persisted where the kiosk was given its data directory (run, demo); a shell without one (tests) keeps it in memory
        this.serviceState = dataDir != null ? ServiceState.persistent(dataDir, ctx.clock()) : new ServiceState(ctx.clock());
        this.serviceState.addListener(showSwitch);
    }

    /** An operator's remote switch arrives on the fleet link's thread: shown at once if no citizen is being served. */
    private final java.util.function.Consumer<Optional<ServiceState.OutOfService>> showSwitch =
            state -> javafx.application.Platform.runLater(this::showHomeIfNoCitizen);

    private void showHomeIfNoCitizen() {
        if (gestureAllowed()) {
            ctx.navigator().home();
        }
    }

    /** Stops following the shared switch (the shell is rebuilt or stopped). */
    public void close() {
        serviceState.removeListener(showSwitch);
    }

    public MaintenanceAccess access() {
        return access;
    }

    public ServiceState serviceState() {
        return serviceState;
    }

    public Path configDir() {
        return configDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The interactive checks on the running kiosk's devices; empty in a shell without a runtime. */
    public Optional<InteractiveChecks> checks() {
        return ctx.hasRuntime() ? Optional.of(new InteractiveChecks(ctx.runtime(), configDir, access)) : Optional.empty();
    }

    /** Only where no citizen can be: the attract screen or the technician's out-of-service screen, no session. */
    public boolean gestureAllowed() {
        Screen current = ctx.navigator().current();
        if (current == null || ctx.sessions().isActive()) {
            return false;
        }
        return current.id().equals(AttractScreen.ID) || current.id().equals(MaintenanceOutOfServiceScreen.ID);
    }

    /** The gesture was made: the PIN pad, if allowed here. */
    public void openPinPad() {
        if (gestureAllowed()) {
            ctx.navigator().show(ctx.screens().maintenancePin());
        }
    }

    public void takeOutOfService(String reason) {
        serviceState.takeOutOfService(reason);
        access.action("out-of-service", ServiceState.CODE + " " + reason);
    }

    public void backInService() {
        serviceState.backInService();
        access.action("back-in-service", "in service");
    }

    /** Leaves maintenance mode (audited) and shows the home screen: attract, or E-MAINT while out of service. */
    public void exit(String reason) {
        access.exit(reason);
        ctx.navigator().home();
    }
}
