package org.openkiosk.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the kiosk with a configuration directory.",
                "The configuration is checked before any window opens. If it is broken, the kiosk shows the "
                        + "out-of-service screen with a code for the technician (E-CONFIG, E-DEV-<device>) and "
                        + "retries in the background; without a display it prints the problems and exits 2."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:normal end (window closed, --check passed, screenshot written)",
                "1:unexpected failure",
                "2:bad configuration (with --check or without a display) or bad usage",
                "3:out of service (no display; window closed while out of service)"})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    DirectoryOptions dirs;

    @Mixin
    ShellCliOptions shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return KioskRunner.run(dirs.configDirectory(), dirs.dataDirectory(), false, shell,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
