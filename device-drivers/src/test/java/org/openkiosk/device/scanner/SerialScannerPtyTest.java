package org.openkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.Health;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;

/** A serial scanner on a real kernel pseudo-terminal; the test writes on the master side like the device would. */
class SerialScannerPtyTest {

    @TempDir
    Path dir;

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void armedDeliversOneCleanCodeThenDisarmsAndUnarmedInputIsDropped() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             SerialScanner scanner = new SerialScanner("scanner", SerialTransport.of(pty.slavePath(), 9600))) {
            scanner.open();
            scanner.claim();
            scanner.enable();
            BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

            pty.master().write("NOT-ARMED\r".getBytes(StandardCharsets.US_ASCII));
            waitFor(() -> scanner.statistics().get(DeviceStatistics.SCANS) == 1, "the first scan");
            assertThat(scanner.statistics().get(ScannerDevice.DROPPED)).isEqualTo(1);

            scanner.arm(delivered::add);
            assertThat(scanner.isArmed()).isTrue();
            pty.master().write("AB\u0007C-\u001B1\r\nSECOND\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo("ABC-1");
            waitFor(() -> scanner.statistics().get(DeviceStatistics.SCANS) == 3, "the third scan");
            assertThat(scanner.isArmed()).isFalse();
            assertThat(delivered).isEmpty();
            assertThat(scanner.statistics().get(ScannerDevice.DROPPED)).isEqualTo(2);
        }
    }

    @Test
    void chineseUtf8CodeArrivesWhole() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             SerialScanner scanner = new SerialScanner("scanner", SerialTransport.of(pty.slavePath(), 115200))) {
            scanner.open();
            scanner.claim();
            scanner.enable();
            BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
            scanner.arm(delivered::add);
            try (ScannerSimulator sim = new ScannerSimulator(List.of("预约:A012"), "\r", Duration.ZERO)) {
                sim.sendOver(pty.master(), Duration.ZERO);
                assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo("预约:A012");
            }
        }
    }

    @Test
    void unpluggedAndReplugged() throws Exception {
        Path link = dir.resolve("ttyScanner");
        PseudoTerminal first = PseudoTerminal.open(link);
        try (SerialScanner scanner = new SerialScanner("scanner", SerialTransport.of(link.toString(), 9600))) {
            scanner.open();
            scanner.claim();
            scanner.enable();
            first.close();
            waitFor(() -> scanner.health().health() == Health.OFFLINE, "the disconnect to be noticed");

            try (PseudoTerminal second = PseudoTerminal.open(link)) {
                waitFor(() -> scanner.statistics().get(DeviceStatistics.RECONNECTS) == 1, "the reconnect");
                BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
                scanner.arm(delivered::add);
                second.master().write("BACK\r".getBytes(StandardCharsets.US_ASCII));
                assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo("BACK");
                assertThat(scanner.health().health()).isEqualTo(Health.ONLINE);
            }
        }
    }
}
