package org.openkiosk.app.ui.startup;

import java.util.List;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.KioskRuntime;

/** The outcome of checking the configuration (and later the required devices) before serving. */
public sealed interface StartupResult {

    /**
     * Everything needed is there.
     *
     * @param runtime the wired kiosk (devices, store, services), or {@code null} when only the configuration was
     *                checked (UI tests)
     */
    record Ready(KioskConfig config, KioskRuntime runtime) implements StartupResult {

        public Ready(KioskConfig config) {
            this(config, null);
        }
    }

    /** The kiosk must stay out of service; at least one problem. */
    record OutOfService(List<StartupProblem> problems) implements StartupResult {
        public OutOfService {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("out of service needs at least one problem");
            }
            problems = List.copyOf(problems);
        }
    }
}
