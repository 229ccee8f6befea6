package org.openkiosk.device.transport;

import org.openkiosk.testsupport.SocatPtyPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The USB printer-class transport opens a device file. Without USB hardware the tests use the closest kernel
 * objects: a pseudo-terminal (a character device that carries data both ways, like a bidirectional usblp) and
 * a plain file (a link nothing can be read back from).
 */
class UsbLpTransportTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsThroughAKernelCharacterDevice() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(dir);
             UsbLpTransport printerSide = new UsbLpTransport(TransportUri.parse("usblp:" + pty.a()));
             UsbLpTransport deviceSide = new UsbLpTransport(TransportUri.parse("usblp:" + pty.b()))) {
            printerSide.open();
            deviceSide.open();
            printerSide.write(new byte[] {0x10, 0x04, 0x04});
            byte[] got = new byte[3];
            deviceSide.readFully(got, 0, 3, Duration.ofSeconds(2));
            assertThat(got).containsExactly(0x10, 0x04, 0x04);
            deviceSide.write(new byte[] {0x1E});
            printerSide.readFully(got, 0, 1, Duration.ofSeconds(2));
            assertThat(got[0]).isEqualTo((byte) 0x1E);
            assertThat(printerSide.read(got, 0, 1, Duration.ofMillis(50))).isZero();
        }
    }

    @Test
    void aDeviceThatStopsReadingMakesTheWriteFailAfterItsTimeout() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start(dir);
             UsbLpTransport t = new UsbLpTransport(TransportUri.parse("usblp:" + pty.a() + "?writeTimeoutMs=300"))) {
            t.open();
            // nobody reads the other end: the pty and socat buffers fill up, then the device takes no more
            assertThatThrownBy(() -> t.write(new byte[8 * 1024 * 1024])).isInstanceOf(DisconnectedException.class)
                    .hasMessageContaining("300 ms");
            assertThat(t.isOpen()).isFalse();
        }
    }

    @Test
    void theOtherEndVanishingIsADisconnect() throws Exception {
        SocatPtyPair pty = SocatPtyPair.start(dir);
        try (UsbLpTransport t = new UsbLpTransport(TransportUri.parse("usblp:" + pty.a()))) {
            t.open();
            pty.close();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    t.read(new byte[16], 0, 16, Duration.ofMillis(100));
                }
            }).isInstanceOf(DisconnectedException.class);
        }
    }

    @Test
    void aLinkWithoutReadsReportsReadNotSupported() throws Exception {
        Path file = Files.createFile(dir.resolve("lp0"));
        try (UsbLpTransport t = new UsbLpTransport(TransportUri.parse("usblp:" + file))) {
            t.open();
            t.write(new byte[] {0x1B, 0x40});
            assertThatThrownBy(() -> t.read(new byte[1], 0, 1, Duration.ofSeconds(2))).isInstanceOf(ReadNotSupportedException.class);
            assertThat(t.canRead()).isFalse();
            assertThat(Files.readAllBytes(file)).containsExactly(0x1B, 0x40);
        }
        try (UsbLpTransport t = new UsbLpTransport(TransportUri.parse("usblp:" + file + "?read=false"))) {
            t.open();
            assertThat(t.canRead()).isFalse();
            assertThatThrownBy(() -> t.read(new byte[1], 0, 1, Duration.ofMillis(10))).isInstanceOf(ReadNotSupportedException.class);
        }
    }

    @Test
    void missingDeviceFileIsADisconnectNamingThePath() {
        UsbLpTransport t = new UsbLpTransport(TransportUri.parse("usblp:" + dir.resolve("lp9")));
        assertThatThrownBy(t::open).isInstanceOf(DisconnectedException.class).hasMessageContaining("lp9").hasMessageContaining("unplugged");
    }
}
