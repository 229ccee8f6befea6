package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.cli.KioskCommand;
import picocli.CommandLine;

/** {@code kiosk fleet console}: what it refuses before it starts. */
class ConsoleCliTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run kiosk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void aBrokenStaffFileIsReportedWithItsLineAndExit2() throws Exception {
        Path staff = Files.writeString(tmp.resolve("console-staff.yaml"), "staff:\n  - user: Wang Fang\n    name: 王芳\n"
                + "    role: operator\n    passwordHash: x\n");
        Run r = kiosk("fleet", "console", "--broker", "mqtt://127.0.0.1:1", "--key", tmp.resolve("none.private.pem").toString(),
                "--staff", staff.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(r.err()).contains("console-staff.yaml:2 staff[0].user: \"Wang Fang\" is not a valid user name")
                .contains("console-staff.yaml:5 staff[0].passwordHash: not a PBKDF2 hash");
    }

    @Test
    void aListenAddressMustBeHostAndPort() {
        Run r = kiosk("fleet", "console", "--broker", "mqtt://127.0.0.1:1", "--key", "k.private.pem", "--listen", "8080");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(r.err()).contains("--listen: expected HOST:PORT");
    }

    @Test
    void aCertificateNeedsItsKey() {
        Run r = kiosk("fleet", "console", "--broker", "mqtt://127.0.0.1:1", "--key", "k.private.pem", "--tls-cert",
                tmp.resolve("console.crt").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(r.err()).contains("--tls-cert and --tls-key go together");
    }

    @Test
    void theDemoHallRefusesAnImpossibleNumberOfKiosksBeforeStartingAnything() {
        Run r = kiosk("fleet", "demo", "--kiosks", "0");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(r.err()).contains("--kiosks must be 1–20, got 0");
        assertThat(kiosk("fleet", "demo", "--kiosks", "2", "--pace", "0").err()).contains("--pace must be at least 1");
    }
}
