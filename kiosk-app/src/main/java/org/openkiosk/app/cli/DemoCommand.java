package org.openkiosk.app.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import org.openkiosk.app.config.DataDirectory;
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
        // always the installation's own config/ (not $KIOSK_CONFIG): the demo is the same everywhere
        Path config = Paths.get(System.getProperty("kiosk.home", ".")).resolve("config");
        Path data = DataDirectory.resolve(DirectoryOptions.global(spec).map(g -> g.dataDir).orElse(null));
        return KioskRunner.run(config, data, true, shell, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
