package org.openkiosk.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk config …}: configuration tools for technicians. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Configuration tools (validate, bundle, apply, rollback).",
        subcommands = {ConfigValidateCommand.class, ConfigBundleCommand.class, ConfigApplyCommand.class,
                ConfigRollbackCommand.class, ConfigGuardStartCommand.class})
public final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code kiosk config} alone is a usage error: say what is available. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing sub-command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_CONFIGURATION;
    }
}
