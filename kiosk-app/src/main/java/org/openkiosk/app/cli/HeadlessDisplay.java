package org.openkiosk.app.cli;

import java.util.Map;
import java.util.Optional;

/**
 * {@code --headless}: JavaFX on Monocle's headless platform, the same one the UI tests use (root pom), so that the
 * whole kiosk runs where there is no screen. The properties must be set before the toolkit (or AWT) starts; an
 * explicit {@code -D} on the command line wins.
 */
final class HeadlessDisplay {

    /** The size of the virtual screen: the kiosk's own 1920×1080 at 32 bits. */
    static final String GEOMETRY = "1920x1080-32";

    private static final Map<String, String> PROPERTIES = Map.of(
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "prism.order", "sw",      // no GPU
            "prism.text", "t2k",
            "headless.geometry", GEOMETRY,
            "java.awt.headless", "true");

    private static final String MONOCLE = "com.sun.glass.ui.monocle.HeadlessPlatformFactory";

    private HeadlessDisplay() {}

    /**
     * Selects the headless platform for this process.
     *
     * @return why it cannot be used (Monocle is not on the class path), or empty when selected
     */
    static Optional<String> select() {
        try {
            Class.forName(MONOCLE, false, HeadlessDisplay.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("--headless needs JavaFX Monocle (one.jpro:openjfx-monocle) on the class path, "
                    + "and this installation has none");
        }
        PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        return Optional.empty();
    }

    /** For the log: where the kiosk runs. */
    static String describe() {
        return "headless: JavaFX on Monocle's " + System.getProperty("monocle.platform") + " platform, "
                + System.getProperty("headless.geometry") + ", rendering " + System.getProperty("prism.order")
                + ", no display needed";
    }
}
