package org.openkiosk.app.ui;

import java.time.Duration;

/**
 * How the shell runs, from the command line.
 *
 * @param windowed         a normal window for development instead of the locked-down fullscreen kiosk
 * @param demo             show the "演示模式 DEMO" flag (simulated devices, demo data)
 * @param language         overrides the configured start language; null keeps the configuration's
 * @param elderMode        overrides the configured elder mode; null keeps the configuration's
 * @param retryInterval    how often the out-of-service screen retries the start-up check
 */
public record ShellOptions(boolean windowed, boolean demo, org.openkiosk.app.ui.i18n.Language language,
                           Boolean elderMode, Duration retryInterval) {

    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    public static ShellOptions kiosk() {
        return new ShellOptions(false, false, null, null, DEFAULT_RETRY);
    }

    public ShellOptions withWindowed(boolean w) {
        return new ShellOptions(w, demo, language, elderMode, retryInterval);
    }

    public ShellOptions withDemo(boolean d) {
        return new ShellOptions(windowed, d, language, elderMode, retryInterval);
    }
}
