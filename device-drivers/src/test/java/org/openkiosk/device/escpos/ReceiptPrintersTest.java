package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.scanner.Scanners;
import org.openkiosk.device.transport.TransportUri;

/** The factories used by configuration and demo mode: {@code sim:} gives the real driver over a pty to a simulator. */
class ReceiptPrintersTest {

    @Test
    void simUriPrintsThroughTheWire() throws Exception {
        ReceiptPrinters.Simulated sim = ReceiptPrinters.simulated("receiptPrinter", SimulatedPaper.OK, Map.of("paperWidthMm", "58"));
        try (ReceiptPrinter printer = sim.printer()) {
            printer.open();
            printer.claim();
            printer.enable();
            printer.print(Receipt.builder().line("排队号 A012").cut().build());
            assertThat(sim.simulator().awaitReceipt(Duration.ofSeconds(5)).orElseThrow().textLines()).contains("排队号 A012");
        }
    }

    @Test
    void simUriWithAPaperState() throws Exception {
        try (ReceiptPrinter printer = ReceiptPrinters.create("receiptPrinter", TransportUri.parse("sim:empty"), Map.of())) {
            printer.open();
            printer.claim();
            printer.enable();
            assertThatThrownBy(() -> printer.print(Receipt.builder().line("x").build())).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.action()).isEqualTo(RecommendedAction.LOAD_PAPER));
        }
    }

    @Test
    void simulatedScannerDeliversInjectedScans() throws Exception {
        Scanners.Simulated sim = Scanners.simulated("scanner", Map.of());
        try (var scanner = sim.scanner()) {
            scanner.open();
            scanner.claim();
            scanner.enable();
            BlockingQueue<String> got = new LinkedBlockingQueue<>();
            scanner.arm(got::add);
            sim.scan("APPT:A012");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("APPT:A012");
        }
    }
}
