package org.openkiosk.app;

import org.openkiosk.app.cli.KioskCommand;

/** Entry point of the kiosk program; see {@code ./kiosk --help}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(KioskCommand.commandLine().execute(args));
    }
}
