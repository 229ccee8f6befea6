package org.openkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SerialTransport (jSerialComm) against a real kernel pseudo-terminal created in-process. */
class SerialTransportTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void bytesFlowBothWays() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
                SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200)) {
            serial.open();
            byte[] command = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69, 0x00, 0x03, 0x11, (byte) 0xFF, (byte) 0xED};
            serial.write(command);
            byte[] got = new byte[command.length];
            pty.master().readFully(got, 0, got.length, SHORT);
            assertThat(got).isEqualTo(command);

            // every byte value, including those a cooked line discipline would translate (CR, NL, ^C, ^S, DEL)
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            pty.master().write(all);
            byte[] back = new byte[all.length];
            serial.readFully(back, 0, back.length, SHORT);
            assertThat(back).isEqualTo(all);
        }
    }

    @Test
    void largeReplyArrivesIntact() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
                SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200)) {
            serial.open();
            byte[] big = new byte[2321];
            new java.util.Random(7).nextBytes(big);
            Thread writer = new Thread(() -> {
                try {
                    pty.master().write(big);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            byte[] back = new byte[big.length];
            serial.readFully(back, 0, back.length, SHORT);
            writer.join(2000);
            assertThat(back).isEqualTo(big);
        }
    }

    @Test
    void readTimesOutWithZeroInTime() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
                SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200)) {
            serial.open();
            byte[] buffer = new byte[16];
            long start = System.nanoTime();
            int n = serial.read(buffer, 0, buffer.length, Duration.ofMillis(200));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(n).isZero();
            assertThat(elapsedMs).isBetween(150L, 1500L);
            assertThatThrownBy(() -> serial.readFully(buffer, 0, 4, Duration.ofMillis(100)))
                    .isInstanceOf(ReadTimeoutException.class)
                    .hasMessageContaining("0 of 4");
        }
    }

    @Test
    void unplugSurfacesAsDisconnectAndStaysDisconnected() throws Exception {
        PseudoTerminal pty = PseudoTerminal.open();
        try (SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200)) {
            serial.open();
            pty.close();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThatThrownBy(() -> serial.read(new byte[8], 0, 8, Duration.ofSeconds(2)))
                        .isInstanceOf(DisconnectedException.class);
            });
            assertThat(serial.isOpen()).isFalse();
            assertThatThrownBy(() -> serial.write(new byte[] {1})).isInstanceOf(DisconnectedException.class);
        }
    }

    @Test
    void reopensOnANewPseudoTerminalAtTheSamePath() throws Exception {
        Path link = dir.resolve("ttyReader");
        try (SerialTransport serial = SerialTransport.of(link.toString(), 115200)) {
            PseudoTerminal first = PseudoTerminal.open(link);
            serial.open();
            first.close();
            assertThatThrownBy(() -> serial.read(new byte[8], 0, 8, SHORT)).isInstanceOf(DisconnectedException.class);
            assertThatThrownBy(serial::open).isInstanceOf(DisconnectedException.class).hasMessageContaining("cannot open");

            try (PseudoTerminal second = PseudoTerminal.open(link)) {
                serial.open();
                assertThat(serial.isOpen()).isTrue();
                second.master().write(new byte[] {0x42});
                byte[] one = new byte[1];
                serial.readFully(one, 0, 1, SHORT);
                assertThat(one[0]).isEqualTo((byte) 0x42);
            }
        }
    }

    @Test
    void writeToADeviceThatNeverReadsFailsInsteadOfBlocking() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            SerialTransport serial = new SerialTransport(TransportUri.parse("serial:" + pty.slavePath() + "?baud=921600&writeTimeoutMs=300"));
            serial.open();
            byte[] block = new byte[8 * 1024];
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 1000; i++) {
                        serial.write(block); // the master never reads: the kernel buffer fills up
                    }
                }).isInstanceOf(WriteTimeoutException.class);
            });
            assertThat(serial.isOpen()).isFalse();
            serial.close();
        }
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new SerialTransport(TransportUri.parse("serial:/dev/ttyS0?parity=mark")))
                .hasMessageContaining("parity must be none, even or odd");
        assertThatThrownBy(() -> new SerialTransport(TransportUri.parse("serial:/dev/ttyS0?stopBits=3")))
                .hasMessageContaining("stopBits must be 1 or 2");
        assertThatThrownBy(() -> new SerialTransport(TransportUri.parse("serial:/dev/ttyS0?dataBits=9")))
                .hasMessageContaining("dataBits must be 5..8");
        assertThatThrownBy(() -> new SerialTransport(TransportUri.parse("tcp://localhost:9100")))
                .hasMessageContaining("needs a serial: URI");
        SerialTransport parsed = new SerialTransport(TransportUri.parse("serial:/dev/ttyS0?baud=9600&parity=even&stopBits=2&dataBits=7"));
        assertThat(parsed.baud()).isEqualTo(9600);
        assertThat(parsed.path()).isEqualTo("/dev/ttyS0");
    }

    @Test
    void openingAMissingPortNamesIt() {
        SerialTransport serial = SerialTransport.of(dir.resolve("nothing-here").toString(), 115200);
        assertThatThrownBy(serial::open).isInstanceOf(DisconnectedException.class).hasMessageContaining("nothing-here");
        serial.close();
    }

    @Test
    void noFileHandleOrThreadLeaks() throws Exception {
        cycle(); // warm-up: jSerialComm and JNA load their native libraries once
        long fdsBefore = openFileHandles();
        long threadsBefore = liveThreads();
        for (int i = 0; i < 5; i++) {
            cycle();
        }
        assertThat(openFileHandles()).isEqualTo(fdsBefore);
        // the writer thread ends asynchronously after shutdownNow; allow it a moment
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (liveThreads() > threadsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(liveThreads()).isLessThanOrEqualTo(threadsBefore);
    }

    private void cycle() throws Exception {
        PseudoTerminal pty = PseudoTerminal.open(dir.resolve("ttyCycle"));
        SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200);
        serial.open();
        serial.write(new byte[] {1, 2, 3});
        byte[] got = new byte[3];
        pty.master().readFully(got, 0, 3, SHORT);
        pty.master().write(new byte[] {4});
        serial.readFully(got, 0, 1, SHORT);
        pty.close(); // unplug first, then the driver notices and closes
        try {
            serial.read(got, 0, 1, SHORT);
        } catch (DisconnectedException expected) {
            // the normal path after an unplug
        }
        serial.close();
    }

    private static long openFileHandles() throws IOException {
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            return list.count();
        }
    }

    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Objects::nonNull)
                .filter(t -> t.getName().startsWith("serial-writer"))
                .count();
    }

    @SuppressWarnings("unused")
    private static String hex(byte[] bytes) {
        return Arrays.toString(bytes);
    }
}
