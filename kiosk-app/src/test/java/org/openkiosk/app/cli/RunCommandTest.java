package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run command's reports and exit codes where no window is involved. */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void checkWithAMissingConfigurationPrintsTheProblemWithItsCodeAndExitsTwo() {
        int code = execute("run", "--check", "--config", dir.resolve("nowhere").toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("E-CONFIG").contains("nowhere");
    }

    @Test
    void anUnknownLanguageIsABadUsage() {
        int code = execute("run", "--check", "--language", "fr", "--config", dir.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("unknown language \"fr\" (known: zh, en)");
    }

    @Test
    void demoAndRunAreRegisteredWithTheirHelp() {
        assertThat(execute("demo", "--help")).isZero();
        assertThat(out.toString()).contains("演示模式 DEMO").contains("--windowed").contains("--screenshot");
        assertThat(execute("run", "--help")).isZero();
        assertThat(out.toString()).contains("--config=DIR").contains("Exit codes");
    }
}
