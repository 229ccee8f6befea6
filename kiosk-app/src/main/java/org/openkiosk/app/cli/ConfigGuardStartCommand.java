package org.openkiosk.app.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.openkiosk.app.maintenance.versions.ConfigVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kiosk config guard-start}: run by the units as root before each start ({@code ExecStartPre=+}). A newly
 * applied configuration whose previous start did not reach serving is rolled back (ADR 0126). Never stops the start.
 */
@Command(name = "guard-start", mixinStandardHelpOptions = true, hidden = true,
        description = "Before a start: roll back a newly applied configuration that did not start the kiosk.")
public final class ConfigGuardStartCommand implements Callable<Integer> {

    @Mixin
    DirectoryOptions dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            new ConfigVersions(dirs.configDirectory(), dirs.dataDirectory(), Clock.systemUTC()).guardStart()
                    .ifPresent(spec.commandLine().getErr()::println);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("kiosk: configuration start-up guard failed: " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
