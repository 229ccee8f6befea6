package org.openkiosk.app.cli.escpos;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk receipt …}: technician commands for an ESC/POS receipt printer. */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Print on or query an ESC/POS receipt printer (serial:, tcp://, usblp:).",
        subcommands = {ReceiptPrintCommand.class, ReceiptStatusCommand.class})
public final class ReceiptCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
