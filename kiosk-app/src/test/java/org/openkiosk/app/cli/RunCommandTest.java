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
        CommandLine cl = KioskCommand.commandLine(args); // as Main builds it
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

    @Test
    void headlessOpensNoWindowSoItGoesWithNeitherWindowedNorCheck() {
        assertThat(execute("run", "--headless", "--windowed", "--config", dir.toString()))
                .isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("--headless opens no window: leave out --windowed");
        assertThat(execute("demo", "--headless", "--check")).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString()).contains("leave out --headless (--check opens none either)");
    }

    @Test
    void onlyRunAndDemoKnowHeadless() {
        assertThat(execute("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--headless");
        for (String[] args : new String[][] {{"doctor", "--headless"}, {"devices", "--headless"},
                {"config", "validate", "--headless"}, {"fleet", "watch", "--broker", "mqtt://127.0.0.1:1", "--headless"},
                {"--headless", "demo"}}) {
            StringWriter errors = new StringWriter();
            CommandLine cl = KioskCommand.commandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(errors, true));
            assertThat(cl.execute(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_CONFIGURATION);
            assertThat(errors.toString()).as(String.join(" ", args)).contains("--headless");
        }
    }
}
