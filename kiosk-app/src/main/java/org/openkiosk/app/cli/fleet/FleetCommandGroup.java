package org.openkiosk.app.cli.fleet;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk fleet …}: operator tools for the hall's MQTT fleet (docs/fleet.md). */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Operator tools for the fleet link: watch the kiosks of a hall, send them signed commands, "
                + "make operator keys.",
        subcommands = {FleetKeygenCommand.class, FleetSendCommand.class, FleetWatchCommand.class,
                FleetConsoleCommand.class, FleetConsolePasswordCommand.class, FleetConsoleAuditCommand.class,
                FleetDemoCommand.class})
public final class FleetCommandGroup implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
