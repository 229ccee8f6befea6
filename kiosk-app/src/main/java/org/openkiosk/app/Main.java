package org.openkiosk.app;

import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.config.DataDirectory;
import org.openkiosk.app.logging.KioskLogging;

/** Entry point of the kiosk program; see {@code ./kiosk --help}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        org.openkiosk.app.logging.StartupTimeline.begin();
        // Logback may configure itself before any command has parsed --data; give it a sane default
        // (KioskLogConfigurator writes under it).
        if (System.getProperty(KioskLogging.DATA_PROPERTY) == null) {
            System.setProperty(KioskLogging.DATA_PROPERTY, DataDirectory.resolve(null).toString());
        }
        KioskCommand.startToolkitIfTheShellStarts(args); // before picocli and Logback: JavaFX's start overlaps them
        System.exit(KioskCommand.commandLine(args).execute(args));
    }
}
