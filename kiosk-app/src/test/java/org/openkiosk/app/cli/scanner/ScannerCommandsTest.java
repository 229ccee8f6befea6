package org.openkiosk.app.cli.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.cli.escpos.CommandRun;
import org.openkiosk.device.scanner.ScannerSimulator;
import org.openkiosk.device.transport.PseudoTerminal;

/** {@code kiosk scanner listen} on a real pty fed by the scanner simulator. */
class ScannerCommandsTest {

    @Test
    void listensForTheRequestedNumberOfCodes() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             ScannerSimulator sim = new ScannerSimulator(List.of("A-001", "预约:B\u0007002", "C-003"), "\r", Duration.ofMillis(30))) {
            sim.sendOver(pty.master(), Duration.ofMillis(500));
            CommandRun run = CommandRun.of("scanner", "listen", "--port", pty.slavePath(), "--count", "2", "--timeout", "10");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().toList()).containsExactly("A-001", "预约:B002");
        }
    }

    @Test
    void nothingBeforeTheTimeoutIsExit3() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            CommandRun run = CommandRun.of("scanner", "listen", "--port", pty.slavePath(), "--timeout", "0.3");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("no code within 0.3 s");
        }
    }

    @Test
    void missingPortIsAClearFault() {
        CommandRun run = CommandRun.of("scanner", "listen", "--port", "/dev/does-not-exist", "--timeout", "1");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("/dev/does-not-exist");
    }
}
