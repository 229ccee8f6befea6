package org.openkiosk.app.cli.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.PseudoTerminal;

/** {@code kiosk receipt print|status} against the simulator over real TCP and a real pty. */
class ReceiptCommandsTest {

    private ReceiptPrinterSimulator simulator;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.OK);
        uri = "tcp://127.0.0.1:" + simulator.serveTcp(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void printsText() throws Exception {
        CommandRun run = CommandRun.of("receipt", "print", "--to", uri, "--paper-width", "58", "--text", "第一行\\nsecond line");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("printed job 1").contains("paper OK");
        CapturedReceipt r = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
        assertThat(r.textLines()).containsExactly("第一行", "second line", "--- cut ---");
    }

    @Test
    void printsTheTestPageOverAPty() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             ReceiptPrinterSimulator serial = new ReceiptPrinterSimulator(PaperWidth.MM80, SimulatedPaper.NEAR_END)) {
            serial.serve(pty.master());
            CommandRun run = CommandRun.of("receipt", "print", "--to", "serial:" + pty.slavePath() + "?baud=115200", "--test-page");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("paper NEAR_END");
            assertThat(serial.awaitReceipt(Duration.ofSeconds(5)).orElseThrow().textLines()).contains("打印测试");
        }
    }

    @Test
    void paperOutIsExit4WithTheReason() {
        simulator.setCondition(SimulatedPaper.EMPTY);
        CommandRun run = CommandRun.of("receipt", "print", "--to", uri, "--text", "x");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("paper end").contains("load paper");
        assertThat(simulator.printableBytesReceived()).isZero();
    }

    @Test
    void statusAsJson() throws Exception {
        simulator.setCondition(SimulatedPaper.NEAR_END);
        CommandRun run = CommandRun.of("receipt", "status", "--to", uri, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("online").asBoolean()).isTrue();
        assertThat(json.get("coverOpen").asBoolean()).isFalse();
        assertThat(json.get("paper").asText()).isEqualTo("NEAR_END");
        assertThat(json.get("cutterError").asBoolean()).isFalse();
    }

    @Test
    void statusOfAnOpenCoverIsExit4() {
        simulator.setCondition(SimulatedPaper.COVER_OPEN);
        CommandRun run = CommandRun.of("receipt", "status", "--to", uri);
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("coverOpen: true").contains("online: false");
        assertThat(run.err()).contains("cover open").contains("close the printer cover");
    }

    @Test
    void unreachablePrinterIsExit3() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CommandRun run = CommandRun.of("receipt", "status", "--to", "tcp://127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("127.0.0.1:" + port);
    }

    @Test
    void oneWayUsbPrinterPrintsButItsStatusIsUnknown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path lp = java.nio.file.Files.createFile(dir.resolve("lp0"));
        CommandRun print = CommandRun.of("receipt", "print", "--to", "usblp:" + lp, "--text", "单向 one-way");
        assertThat(print.exitCode()).as(print.err()).isZero();
        assertThat(print.out()).contains("status unknown");
        assertThat(java.nio.file.Files.size(lp)).isPositive();
        CommandRun status = CommandRun.of("receipt", "status", "--to", "usblp:" + lp);
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).contains("status unknown");
    }

    @Test
    void usageErrorsAreExit2() {
        assertThat(CommandRun.of("receipt", "print", "--to", uri).exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("receipt", "print", "--to", "lpt:1", "--test-page").exitCode()).isEqualTo(2);
        CommandRun width = CommandRun.of("receipt", "print", "--to", uri, "--paper-width", "76", "--test-page");
        assertThat(width.exitCode()).isEqualTo(2);
        assertThat(width.err()).contains("76 mm");
    }
}
