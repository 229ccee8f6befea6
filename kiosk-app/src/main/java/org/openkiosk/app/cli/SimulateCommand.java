package org.openkiosk.app.cli;

import org.openkiosk.app.cli.escpos.SimulateReceiptCommand;
import org.openkiosk.app.cli.idcard.SimulateIdCardCommand;
import org.openkiosk.app.cli.scanner.SimulateScannerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk simulate DEVICE}: wire-level device simulators on a pseudo-terminal or TCP port. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a wire-level device simulator on a pseudo-terminal (or TCP port) until Ctrl-C.",
        subcommands = {
                SimulateIdCardCommand.class,
                SimulateReceiptCommand.class,
                SimulateScannerCommand.class,
                org.openkiosk.app.cli.a4.SimulateA4Command.class
        })
public final class SimulateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
