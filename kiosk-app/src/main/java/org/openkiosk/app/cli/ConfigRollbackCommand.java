package org.openkiosk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.maintenance.versions.ConfigVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk config rollback}: the version before the live one back in place (ADR 0126). */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Put the configuration version before the live one back, in one step, and list the kept "
                + "versions. Restart the kiosk afterwards."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rolled back (or listed with --list)", "1:no earlier version is kept"})
public final class ConfigRollbackCommand implements Callable<Integer> {

    @Option(names = "--list", description = "only list the kept versions and which one is live")
    boolean list;

    @Mixin
    DirectoryOptions dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ConfigVersions versions = new ConfigVersions(dirs.configDirectory(), dirs.dataDirectory(), Clock.systemUTC());
        if (!list) {
            Optional<ConfigVersions.Version> back = versions.rollback();
            if (back.isEmpty()) {
                spec.commandLine().getErr().println("kiosk: no earlier configuration version is kept in "
                        + versions.store() + " (versions are kept from the first `kiosk config apply`)");
                return ExitCodes.FAILURE;
            }
            out.println("rolled back to version " + back.get() + "; restart the kiosk");
        }
        Optional<ConfigVersions.Version> live = versions.current();
        for (ConfigVersions.Version v : versions.list()) {
            out.println((live.filter(v::equals).isPresent() ? "* " : "  ") + v);
        }
        return ExitCodes.OK;
    }
}
