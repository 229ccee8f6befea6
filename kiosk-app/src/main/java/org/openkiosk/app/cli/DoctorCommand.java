package org.openkiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openkiosk.app.doctor.CheckResult;
import org.openkiosk.app.doctor.Doctor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiosk doctor}: is this machine ready to run the kiosk? */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that this machine can run the kiosk.",
                "Required: Java 17+, a valid configuration, a writable data directory, the bundled font, the serial "
                        + "library (when a serial device is configured). For information: OS tools (lp, lpstat, "
                        + "scanimage, socat) and the display."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every required check passed", "1:a required check failed",
                "2:the configuration is invalid"})
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    DirectoryOptions dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path configDir = dirs.configDirectory();
        Path dataDir = dirs.dataDirectory();
        List<CheckResult> results = new Doctor(System::getenv).run(configDir, dataDir);
        PrintWriter out = spec.commandLine().getOut();
        for (CheckResult r : results) {
            out.println((r.passed() ? "✔ " : "✘ ") + r.label() + ": " + r.detail() + (r.required() ? "" : " [info]"));
            r.notes().forEach(note -> out.println("    " + note));
        }
        long required = results.stream().filter(CheckResult::required).count();
        List<String> blocking = results.stream().filter(CheckResult::blocking).map(CheckResult::label).toList();
        long notes = results.stream().filter(r -> !r.required() && !r.passed()).count();
        if (blocking.isEmpty()) {
            out.println("verdict: READY — all " + required + " required checks passed"
                    + (notes == 0 ? "" : " (" + notes + " informational " + (notes == 1 ? "note" : "notes") + ")"));
        } else {
            out.println("verdict: NOT READY — " + blocking.size() + " of " + required + " required checks failed: "
                    + String.join(", ", blocking));
        }
        out.flush();
        if (blocking.isEmpty()) {
            return ExitCodes.OK;
        }
        return blocking.contains("configuration") ? ExitCodes.BAD_CONFIGURATION : ExitCodes.FAILURE;
    }
}
