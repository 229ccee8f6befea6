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
 * @param configDir        the configuration directory (maintenance mode validates it); null: the default one
 * @param dataDir          the data directory (logs, diagnostics bundles); null: the default one
 */
public record ShellOptions(boolean windowed, boolean demo, org.openkiosk.app.ui.i18n.Language language,
                           Boolean elderMode, Duration retryInterval, java.nio.file.Path configDir,
                           java.nio.file.Path dataDir) {

    public ShellOptions(boolean windowed, boolean demo, org.openkiosk.app.ui.i18n.Language language,
                        Boolean elderMode, Duration retryInterval) {
        this(windowed, demo, language, elderMode, retryInterval, null, null);
    }

    public ShellOptions withDirectories(java.nio.file.Path config, java.nio.file.Path data) {
        return new ShellOptions(windowed, demo, language, elderMode, retryInterval, config, data);
    }

    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    public static ShellOptions kiosk() {
        return new ShellOptions(false, false, null, null, DEFAULT_RETRY);
    }

    public ShellOptions withWindowed(boolean w) {
        return new ShellOptions(w, demo, language, elderMode, retryInterval, configDir, dataDir);
    }

    public ShellOptions withDemo(boolean d) {
        return new ShellOptions(windowed, d, language, elderMode, retryInterval, configDir, dataDir);
    }
}
