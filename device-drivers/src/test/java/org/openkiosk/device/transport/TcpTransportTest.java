package org.openkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real sockets on 127.0.0.1. */
class TcpTransportTest {

    @Test
    void readTimesOutWithZeroAndReadsWhatArrives() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpTransport t = new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + server.getLocalPort()))) {
            t.open();
            try (Socket peer = server.accept()) {
                byte[] buf = new byte[8];
                assertThat(t.read(buf, 0, 8, Duration.ofMillis(50))).isZero();
                peer.getOutputStream().write(new byte[] {0x12, 0x1E});
                t.readFully(buf, 0, 2, Duration.ofSeconds(2));
                assertThat(buf[1]).isEqualTo((byte) 0x1E);
                t.write(new byte[] {0x10, 0x04, 0x01});
                InputStream in = peer.getInputStream();
                assertThat(in.readNBytes(3)).containsExactly(0x10, 0x04, 0x01);
                assertThatThrownBy(() -> t.readFully(buf, 0, 1, Duration.ofMillis(50))).isInstanceOf(ReadTimeoutException.class);
            }
        }
    }

    @Test
    void peerClosingIsADisconnect() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpTransport t = new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + server.getLocalPort()))) {
            t.open();
            server.accept().close();
            assertThatThrownBy(() -> t.read(new byte[1], 0, 1, Duration.ofSeconds(2)))
                    .isInstanceOf(DisconnectedException.class).hasMessageContaining("closed the connection");
            assertThat(t.isOpen()).isFalse();
        }
    }

    @Test
    void nobodyListeningIsADisconnectNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TcpTransport t = new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + port));
        assertThatThrownBy(t::open).isInstanceOf(DisconnectedException.class).hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void writeToAPrinterThatStoppedReadingFailsAfterTheWriteTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpTransport t = new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + server.getLocalPort() + "?writeTimeoutMs=300"))) {
            server.setReceiveBufferSize(4096);
            t.open();
            try (Socket peer = server.accept()) {
                // the peer never reads: socket buffers fill and the write would block for ever without the watchdog
                byte[] big = new byte[32 * 1024 * 1024];
                assertThatThrownBy(() -> t.write(big)).isInstanceOf(DisconnectedException.class).hasMessageContaining("300 ms");
                assertThat(t.isOpen()).isFalse();
                assertThat(peer.isClosed()).isFalse();
            }
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new TcpTransport(TransportUri.parse("tcp://h:9100?writeTimeoutMs=0")))
                .hasMessageContaining("writeTimeoutMs");
        assertThatThrownBy(() -> new TcpTransport(TransportUri.parse("usblp:/dev/usb/lp0"))).hasMessageContaining("tcp://");
    }
}
