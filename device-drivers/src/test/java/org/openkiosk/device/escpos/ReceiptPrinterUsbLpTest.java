package org.openkiosk.device.escpos;

import org.openkiosk.testsupport.SocatPtyPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.sim.EscPosDecoder;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.ReceiptRendering;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.device.transport.UsbLpTransport;

/** The driver over the usblp transport: a kernel pty as a bidirectional printer, a plain file as a one-way one. */
class ReceiptPrinterUsbLpTest {

    @TempDir
    Path dir;

    private static final Receipt TICKET = Receipt.builder().title("A012").line("请在 3 号窗口等候").qr("Q:A012").cut().build();

    @Test
    void bidirectionalDeviceFileGetsStatusAndConfirmation() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(dir);
             ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(PaperWidth.MM80, SimulatedPaper.OK)) {
            UsbLpTransport deviceSide = new UsbLpTransport(TransportUri.parse("usblp:" + pty.b()));
            deviceSide.open();
            simulator.serve(deviceSide);
            try (ReceiptPrinter printer = new ReceiptPrinter("receiptPrinter",
                    new UsbLpTransport(TransportUri.parse("usblp:" + pty.a())), ReceiptPrinterOptions.defaults())) {
                printer.open();
                printer.claim();
                printer.enable();
                printer.print(TICKET);
                assertThat(simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow().textLines())
                        .contains("A012", "请在 3 号窗口等候", "[QR] Q:A012");
                assertThat(printer.lastStatus()).contains(PrinterStatus.READY);

                simulator.setCondition(SimulatedPaper.EMPTY);
                assertThatThrownBy(() -> printer.print(TICKET)).isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.action()).isEqualTo(RecommendedAction.LOAD_PAPER));
            }
        }
    }

    @Test
    void oneWayLinkPrintsWithStatusUnknown() throws Exception {
        Path lp = Files.createFile(dir.resolve("lp0"));
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        try (ReceiptPrinter printer = new ReceiptPrinter("receiptPrinter",
                new UsbLpTransport(TransportUri.parse("usblp:" + lp)), ReceiptPrinterOptions.defaults())) {
            printer.addListener(events::add);
            printer.open();
            printer.claim();
            printer.enable();
            printer.print(TICKET);
            assertThat(printer.status()).isEmpty();
            assertThat(printer.health().text()).contains("status unknown");
        }
        assertThat(events).anyMatch(e -> e instanceof DeviceEvent.OutputComplete);
        assertThat(ReceiptRendering.text(EscPosDecoder.decodeAll(Files.readAllBytes(lp)))).contains("A012", "--- cut ---");
    }

    @Test
    void statusModeOnRefusesALinkThatCannotReadBack() throws Exception {
        Path lp = Files.createFile(dir.resolve("lp1"));
        try (ReceiptPrinter printer = new ReceiptPrinter("receiptPrinter",
                new UsbLpTransport(TransportUri.parse("usblp:" + lp)), ReceiptPrinterOptions.fromMap(Map.of("status", "on")))) {
            printer.open();
            printer.claim();
            printer.enable();
            assertThatThrownBy(() -> printer.print(TICKET)).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION));
        }
        assertThat(Files.size(lp)).as("only the status query was sent").isEqualTo(12);
    }
}
