package org.openkiosk.app.cli;

import java.nio.file.Path;
import java.util.List;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;

/**
 * The start-up check of a configuration directory: load and validate the configuration; each problem becomes
 * an {@code E-CONFIG} entry for the out-of-service screen. Required devices join here once the device layer
 * opens them ({@code E-DEV-<name>}, see {@link StartupProblem#device}).
 */
final class StartupChecks {

    private StartupChecks() {}

    static StartupCheck forDirectory(Path dir) {
        return () -> {
            try {
                return new StartupResult.Ready(ConfigLoader.load(dir));
            } catch (ConfigException e) {
                return new StartupResult.OutOfService(e.problems().stream()
                        .map(p -> new StartupProblem(StartupProblem.CONFIG, p.toString())).toList());
            } catch (RuntimeException e) {
                // a loader bug must still leave a readable out-of-service screen, not a dead kiosk
                return new StartupResult.OutOfService(List.of(new StartupProblem(StartupProblem.CONFIG,
                        "cannot read the configuration in " + dir + ": " + e.getClass().getSimpleName())));
            }
        };
    }
}
