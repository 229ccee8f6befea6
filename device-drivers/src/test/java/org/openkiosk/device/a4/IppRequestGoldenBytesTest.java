package org.openkiosk.device.a4;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.a4.ipp.GoldenBytes;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppTag;

/**
 * The exact bytes the driver puts on the wire for its three everyday requests, compared with fixtures written
 * by hand field by field from RFC 8010 ({@code src/test/resources/org/openkiosk/device/a4/ipp/*.golden}), not
 * with our own encoder's output. The printer side answers with responses captured from a real
 * {@code ippeveprinter} (CUPS 2.4.2), so the decoder is exercised on bytes it did not produce either.
 */
class IppRequestGoldenBytesTest {

    private static final String FIXTURES = "/org/openkiosk/device/a4/ipp/";

    private HttpServer server;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void capturingPrinter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/ipp/print", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(body);
            int operation = ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
            byte[] answer = GoldenBytes.resource(FIXTURES + switch (operation) {
                case 0x0002 -> "ippeveprinter-print-job.bin";
                case 0x0009 -> "ippeveprinter-get-job-attributes.bin";
                default -> "ippeveprinter-get-printer-attributes-status.bin";
            });
            System.arraycopy(body, 4, answer, 4, 4); // a printer answers with the request's request-id
            exchange.getResponseHeaders().set("Content-Type", "application/ipp");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void printJobGetJobAttributesAndGetPrinterAttributesAreByteForByteTheHandWrittenMessages() throws Exception {
        URI http = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ipp/print");
        IppPrinter printer = new IppPrinter(new PrinterEndpoint(http, URI.create("ipp://printer.example/ipp/print")),
                Duration.ofSeconds(5), "kiosk");

        JobStatus submitted = printer.printPdf("%PDF-1.4 golden".getBytes(StandardCharsets.US_ASCII), "certificate",
                List.of(IppAttribute.of("media", IppTag.KEYWORD, "iso_a4_210x297mm")));
        JobStatus polled = printer.jobStatus(7);
        PrinterStatus status = printer.printerStatus();

        assertBytes(received.get(0), "print-job-request.golden");
        assertBytes(received.get(1), "get-job-attributes-request.golden");
        assertBytes(received.get(2), "get-printer-attributes-request.golden");
        // and what ippeveprinter answered is read as it meant it
        assertThat(submitted.jobId()).isEqualTo(1);
        assertThat(submitted.state()).isEqualTo(JobState.PENDING);
        assertThat(submitted.reasons()).isEmpty(); // "none"
        assertThat(polled.state()).isEqualTo(JobState.PROCESSING);
        assertThat(polled.reasons()).containsExactly("job-printing");
        assertThat(status.state()).isEqualTo(PrinterState.IDLE);
        assertThat(status.message()).isEqualTo("Idle.");
        assertThat(status.acceptingJobs()).isTrue();
        assertThat(status.blockingCondition()).isEmpty();
    }

    private static void assertBytes(byte[] actual, String fixture) {
        byte[] expected = GoldenBytes.load(FIXTURES + fixture);
        assertThat(HexFormat.ofDelimiter(" ").formatHex(actual)).as(fixture)
                .isEqualTo(HexFormat.ofDelimiter(" ").formatHex(expected));
    }
}
