package org.openkiosk.app.cli.idcard;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk idcard …}: technician commands for the ID card reader. */
@Command(name = "idcard", mixinStandardHelpOptions = true,
        description = "ID card reader: technician commands.",
        subcommands = {IdCardReadCommand.class})
public final class IdCardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
