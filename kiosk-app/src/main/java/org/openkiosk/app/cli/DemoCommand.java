package org.openkiosk.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole kiosk with the installation's default configuration (config/), simulated "
                + "devices and demo data; the screen shows \"演示模式 DEMO\".",
                "On a machine without a display: xvfb-run -a ./kiosk demo --windowed"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:normal end (window closed, --check passed, screenshot written)",
                "1:unexpected failure",
                "2:bad configuration (with --check or without a display) or bad usage",
                "3:out of service (no display; window closed while out of service)"})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ShellCliOptions shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return KioskRunner.run(RunCommand.installationDirectory().resolve("config"), true, shell,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
