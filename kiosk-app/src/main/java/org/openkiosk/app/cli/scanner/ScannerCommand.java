package org.openkiosk.app.cli.scanner;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk scanner …}: technician commands for barcode/QR scanners. */
@Command(name = "scanner", mixinStandardHelpOptions = true,
        description = "Listen to a serial (or TCP) barcode/QR scanner.",
        subcommands = {ScannerListenCommand.class})
public final class ScannerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
