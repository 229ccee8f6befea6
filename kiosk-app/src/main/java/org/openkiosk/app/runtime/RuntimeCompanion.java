package org.openkiosk.app.runtime;

import java.io.IOException;
import java.util.Optional;

/**
 * Something that runs beside a started runtime and is closed before it, such as the link to the hall's broker. The
 * runtime starts it without knowing what it is, so that the packages built on the runtime (the fleet link reads
 * devices, statistics and the service state through it) do not also sit below it (ADR 0133).
 */
@FunctionalInterface
public interface RuntimeCompanion {

    /** Nothing beside the runtime. */
    RuntimeCompanion NONE = runtime -> Optional.empty();

    /**
     * Starts beside the runtime, or answers empty when this configuration does not ask for it. Blocks. A failure is
     * logged and the kiosk runs without the companion.
     */
    Optional<AutoCloseable> startBeside(DefaultKioskRuntime runtime) throws IOException;
}
