package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.scanner.ImageCodeDecoder;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.device.transport.Transports;

/** The driver over a serial line: a real kernel pty, the simulator on its master side. */
class ReceiptPrinterSerialPtyTest {

    @TempDir
    Path dir;

    @Test
    void printsTheTestPageOverSerialAndTheSimulatorWritesBinTextAndPng() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(PaperWidth.MM80, SimulatedPaper.OK)) {
            simulator.setOutputDirectory(dir);
            simulator.serve(pty.master());
            try (ReceiptPrinter printer = new ReceiptPrinter("receiptPrinter",
                    Transports.create(TransportUri.parse("serial:" + pty.slavePath() + "?baud=115200")),
                    ReceiptPrinterOptions.defaults())) {
                assertThat(printer.description()).startsWith("escpos 80 mm over serial:");
                printer.open();
                printer.claim();
                printer.enable();
                printer.print(TestPage.receipt(PaperWidth.MM80));
            }
            CapturedReceipt receipt = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
            assertThat(receipt.complete()).isTrue();
            assertThat(Files.readAllBytes(dir.resolve("receipt-001.bin"))).isEqualTo(receipt.bytes());
            assertThat(Files.readString(dir.resolve("receipt-001.txt"))).contains("打印测试", "中文：政务服务自助终端", "[image 576×");
            var png = javax.imageio.ImageIO.read(dir.resolve("receipt-001.png").toFile());
            assertThat(png.getWidth()).isEqualTo(576);
            assertThat(new ImageCodeDecoder().decode(png)).containsExactly("https://example.gov.cn/kiosk/test?q=测试");
        }
    }

    @Test
    void paperOutOverSerialIsRefused() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.EMPTY)) {
            simulator.serve(pty.master());
            try (ReceiptPrinter printer = new ReceiptPrinter("receiptPrinter", SerialTransport.of(pty.slavePath(), 9600),
                    ReceiptPrinterOptions.fromMap(Map.of("paperWidthMm", "58", "cutter", "false")))) {
                printer.open();
                printer.claim();
                printer.enable();
                assertThat(printer.status()).hasValueSatisfying(s -> assertThat(s.paper()).isEqualTo(PaperLevel.EMPTY));
                assertThatThrownBy(() -> printer.print(TestPage.receipt(PaperWidth.MM58)))
                        .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.action()).isEqualTo(RecommendedAction.LOAD_PAPER));
            }
            assertThat(simulator.printableBytesReceived()).isZero();
        }
    }
}
