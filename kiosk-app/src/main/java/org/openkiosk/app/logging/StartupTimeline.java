package org.openkiosk.app.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phases of a start, logged at debug on {@value #LOGGER} with the milliseconds since {@code Main} began (monotonic
 * clock): where a slow start spends its time, on the kiosk itself (ADR 0128). Switch it on with a Logback
 * configuration that sets that logger to DEBUG ({@code -Dlogback.configurationFile}, docs/logging.md).
 */
public final class StartupTimeline {

    public static final String LOGGER = "org.openkiosk.startup";

    /** A holder, so that {@link #begin()} sets up no logging: Main starts JavaFX before Logback (ADR 0179). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    }
    private static volatile long origin = System.nanoTime();

    private StartupTimeline() {}

    /** Called first thing in {@code main}: the timeline's zero. */
    public static void begin() {
        origin = System.nanoTime();
    }

    /** Logs {@code phase} with the time since {@link #begin()}. */
    public static void mark(String phase) {
        if (Log.LOG.isDebugEnabled()) {
            Log.LOG.debug("start-up +{} ms: {}", (System.nanoTime() - origin) / 1_000_000, phase);
        }
    }
}
