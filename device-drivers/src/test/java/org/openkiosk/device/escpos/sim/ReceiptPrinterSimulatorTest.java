package org.openkiosk.device.escpos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.Receipt;
import org.openkiosk.device.escpos.ReceiptWriter;
import org.openkiosk.device.escpos.ResidentFont;

/** The simulator as a raw TCP peer: answers, survives garbage, leaves no threads behind. */
class ReceiptPrinterSimulatorTest {

    @Test
    void answersStatusAndSurvivesGarbageBeforeAValidJob() throws Exception {
        ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.NEAR_END);
        int port = simulator.serveTcp(0);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(new byte[] {0x10, 0x04, 0x01, 0x10, 0x04, 0x04});
            assertThat(in.readNBytes(2)).containsExactly(0x12, 0x1E);

            byte[] garbage = new byte[2000];
            new Random(3).nextBytes(garbage);
            for (int i = 0; i < garbage.length; i++) {
                // no GS/FS/DLE: "GS ( k" with a random length would (like on a real printer) swallow the next job
                if (garbage[i] == 0x1D || garbage[i] == 0x1C || garbage[i] == 0x10) {
                    garbage[i] = 0x20;
                }
            }
            for (int i = 0; i < garbage.length; i += 7) {
                garbage[i] = 0x1B;   // many unknown ESC commands
            }
            garbage[garbage.length - 1] = 0x0A;
            out.write(garbage);
            byte[] job = new ReceiptWriter(PaperWidth.MM58, ResidentFont.GBK, true)
                    .encode(Receipt.builder().line("after the noise").cut().build());
            out.write(job);
            out.write(new byte[] {0x1D, 0x72, 0x01});
            // GS r 1 answered with the near-end bits once the job was processed
            int reply = in.read();
            while (reply != 0x03) {
                reply = in.read();
                assertThat(reply).as("the GS r reply arrives").isNotNegative();
            }
        }
        CapturedReceipt last = null;
        for (int i = 0; i < 10 && (last == null || !last.textLines().contains("after the noise")); i++) {
            last = simulator.awaitReceipt(Duration.ofSeconds(2)).orElse(last);
        }
        assertThat(last).isNotNull();
        assertThat(last.textLines()).contains("after the noise", "--- cut ---");
        assertThat(simulator.protocolErrors()).isPositive();

        simulator.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("escpos-sim") && t.isAlive());
    }
}
