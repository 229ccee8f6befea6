package org.openkiosk.app.cli.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;

/**
 * {@code kiosk receipt print} against a model that answers DLE EOT but not GS r (the simulator over real TCP): the
 * receipt is sent whole and the command says so honestly (exit 5) instead of waiting 20 s and advising a reprint.
 */
class UnconfirmableReceiptCommandTest {

    private ReceiptPrinterSimulator simulator;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.OK);
        simulator.setAnswersJobConfirmation(false);
        uri = "tcp://127.0.0.1:" + simulator.serveTcp(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aModelWithoutGsRIsReportedSentNotConfirmableWithExitFive() throws Exception {
        CommandRun run = CommandRun.of("receipt", "print", "--to", uri, "--paper-width", "58", "--text", "第一行");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SENT_UNCONFIRMED);
        assertThat(run.out()).startsWith("sent job 1 on ").contains("sent, not confirmable on this model");
        assertThat(run.err()).contains("every byte was sent").contains("--no-confirm").doesNotContain("incomplete");
        CapturedReceipt receipt = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
        assertThat(receipt.complete()).isTrue();
        assertThat(receipt.textLines()).contains("第一行");
    }

    @Test
    void noConfirmSendsWithoutAskingAndExitsZero() throws Exception {
        CommandRun run = CommandRun.of("receipt", "print", "--to", uri, "--paper-width", "58", "--text", "x",
                "--no-confirm");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sent, not confirmed (confirmJobs is off)");
        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5))).hasValueSatisfying(r -> assertThat(r.complete()).isTrue());
    }
}
