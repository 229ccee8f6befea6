package org.openkiosk.device.a4.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A printer that misbehaves on the wire — an endless or oversized answer, one that drips a byte at a time, one
 * that answers another request or in another format — ends in a clear error, never an out-of-memory error or a
 * hang. The printer here is a raw socket, so it can break HTTP and IPP in ways no real server would.
 */
class IppClientBoundsTest {

    private final ExecutorService printerThread = Executors.newSingleThreadExecutor();
    private ServerSocket socket;

    @AfterEach
    void stop() throws IOException {
        printerThread.shutdownNow();
        if (socket != null) {
            socket.close();
        }
    }

    private interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private URI printer(Answer answer) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        printerThread.submit(() -> {
            try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                readRequestHead(client.getInputStream());
                answer.write(out);
            } catch (Exception gone) {
                // the client hung up, as it should
            }
            return null;
        });
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ipp/print");
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static IppMessage request(int requestId) {
        return new IppMessage.Builder(IppOperation.GET_PRINTER_ATTRIBUTES, requestId)
                .operation("printer-uri", IppTag.URI, "ipp://printer.example/ipp/print").build();
    }

    private static byte[] okResponse(int requestId) {
        return IppCodec.encode(new IppMessage.Builder(IppStatus.SUCCESSFUL_OK, requestId).build());
    }

    private static void head(OutputStream out, String type, String lengthHeader) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + lengthHeader + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anAnnouncedOversizedAnswerIsRefusedBeforeItIsRead() throws Exception {
        URI uri = printer(out -> {
            head(out, "application/ipp", "Content-Length: 2000000000\r\n");
            out.write(new byte[64 * 1024]);
        });
        IppClient client = new IppClient(uri, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.send(request(1))).isInstanceOf(IppFormatException.class)
                .hasMessageContaining("announces 2000000000 bytes, more than the limit of " + IppLimits.DEFAULT.maxMessageBytes());
    }

    @Test
    void anEndlessAnswerIsCutOffAtTheLimit() throws Exception {
        URI uri = printer(out -> {
            head(out, "application/ipp", "");
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < 1000; i++) { // 64 MB if nobody stops reading
                out.write(block);
            }
        });
        IppClient client = new IppClient(uri, Duration.ofSeconds(10), null, new IppLimits(100_000, 1000, 100, 4));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> client.send(request(1))).isInstanceOf(IppFormatException.class)
                        .hasMessageContaining("passes the limit of 100000 bytes"));
    }

    @Test
    void anAnswerDrippedByteByByteIsGivenUpWhenTheWholeExchangeTakesTooLong() throws Exception {
        byte[] response = okResponse(1);
        URI uri = printer(out -> {
            head(out, "application/ipp", "Content-Length: " + response.length + "\r\n");
            for (byte b : response) {
                out.write(b);
                out.flush();
                Thread.sleep(400); // each byte well inside the read timeout, the whole far beyond it
            }
        });
        IppClient client = new IppClient(uri, Duration.ofSeconds(1));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> client.send(request(1))).isInstanceOf(SocketTimeoutException.class)
                        .hasMessageContaining("took longer than 1000 ms in all"));
    }

    @Test
    void anAnswerToAnotherRequestIsRefused() throws Exception {
        byte[] response = okResponse(99);
        URI uri = printer(out -> {
            head(out, "application/ipp", "Content-Length: " + response.length + "\r\n");
            out.write(response);
        });
        IppClient client = new IppClient(uri, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.send(request(1))).isInstanceOf(IppFormatException.class)
                .hasMessage("IPP message, byte 4: expected request-id 1 in the response, found 99");
    }

    @Test
    void anAnswerThatIsNotIppIsRefused() throws Exception {
        byte[] page = "<html>login</html>".getBytes(StandardCharsets.US_ASCII);
        URI uri = printer(out -> {
            head(out, "text/html", "Content-Length: " + page.length + "\r\n");
            out.write(page);
        });
        IppClient client = new IppClient(uri, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.send(request(1))).isInstanceOf(IppFormatException.class)
                .hasMessageContaining("expected Content-Type application/ipp").hasMessageContaining("found text/html");
    }

    @Test
    void requestIdsStartAtOneAndNeverBecomeZero() {
        IppClient client = new IppClient(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(1));
        assertThat(client.nextRequestId()).isEqualTo(1);
        assertThat(client.nextRequestId()).isEqualTo(2);
    }
}
