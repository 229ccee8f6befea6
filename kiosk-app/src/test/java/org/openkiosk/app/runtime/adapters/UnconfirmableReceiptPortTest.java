package org.openkiosk.app.runtime.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.escpos.ReceiptPrinterOptions;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.TcpTransport;
import org.openkiosk.device.transport.TransportUri;

/**
 * The receipt port over the real ESC/POS driver and the simulator over TCP: a model that cannot confirm jobs gives
 * "sent, not confirmed", never "printed and confirmed", so the citizen screens can word it honestly (ADR 0136).
 */
class UnconfirmableReceiptPortTest {

    private final ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.OK);
    private ReceiptPrinter printer;

    @AfterEach
    void stop() {
        if (printer != null) {
            printer.close();
        }
        simulator.close();
    }

    private PrintOutcome printTicketOn(boolean answersGsR) throws Exception {
        simulator.setAnswersJobConfirmation(answersGsR);
        int port = simulator.serveTcp(0);
        printer = new ReceiptPrinter("receiptPrinter", new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + port)),
                ReceiptPrinterOptions.fromMap(Map.of("paperWidthMm", "58", "jobTimeoutMs", "3000")));
        printer.open();
        printer.claim();
        printer.enable();
        var receipts = new ReceiptPrinterPort(() -> Optional.of(printer), new ReceiptLayouts(ZoneId.of("Asia/Shanghai")));
        return receipts.printTicket(new QueueTicket("A012", "H-3101", LocalDate.of(2026, 12, 2), "general", "residence",
                "居住证办理", false, 3, Duration.ofMinutes(12), Instant.parse("2026-12-02T01:00:00Z"), "K-0101"));
    }

    @Test
    void aModelWithoutGsRSendsTheWholeTicketButIsNotConfirmed() throws Exception {
        PrintOutcome outcome = printTicketOn(false);

        assertThat(outcome).isEqualTo(PrintOutcome.sentNotConfirmed());
        assertThat(outcome.sentUnconfirmed()).isTrue();
        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5))).hasValueSatisfying(r -> {
            assertThat(r.complete()).isTrue();
            assertThat(r.text()).contains("A012");
        });
    }

    @Test
    void aModelWithGsRConfirmsTheTicket() throws Exception {
        PrintOutcome outcome = printTicketOn(true);

        assertThat(outcome).isEqualTo(PrintOutcome.success());
        assertThat(outcome.sentUnconfirmed()).isFalse();
    }
}
