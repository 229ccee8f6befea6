package org.openkiosk.app.ui.startup;

/**
 * Decides whether the kiosk can serve: loads the configuration, opens required devices. Runs off the JavaFX
 * thread (it does disk and device I/O); the out-of-service screen calls it again to retry.
 */
@FunctionalInterface
public interface StartupCheck {

    StartupResult check();
}
