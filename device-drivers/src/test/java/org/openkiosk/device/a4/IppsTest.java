package org.openkiosk.device.a4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.a4.sim.IppPrinterSimulator;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.IppEvePrinter;

/**
 * {@code cups:ipps://…}: the real driver prints over TLS to a real ippeveprinter (its own self-signed
 * certificate) and to the simulator (a test certificate), trusting exactly the configured certificate; a printer
 * presenting any other certificate is refused before a byte of the document leaves the kiosk.
 */
class IppsTest {

    private static final String TLS = "/org/openkiosk/device/a4/tls/";

    @TempDir
    Path dir;

    @Test
    void printsOverTlsToARealIppeveprinterTrustingItsCertificate() throws Exception {
        try (IppEvePrinter ipp = IppEvePrinter.start(dir)) {
            PrintSettings settings = settings(ipp.certificate().toString());
            try (A4PrinterDevice device = new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippsUri()), settings)) {
                enable(device);
                PrintOutcome outcome = device.print(TinyPdf.withText("over TLS"), "tls-page");
                assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.COMPLETED);
                assertThat(ipp.receivedDocuments()).hasSize(1);
            }
        }
    }

    @Test
    void printsOverTlsToTheSimulator() throws Exception {
        try (IppPrinterSimulator sim = IppPrinterSimulator.start(0, Duration.ofMillis(20), Duration.ofMillis(20), System::nanoTime, simulatorTls());
             A4PrinterDevice device = new A4PrinterDevice("a4Printer", sim.transportUri(), settings(resource("simulator-test-only.crt")))) {
            assertThat(sim.printerUri().getScheme()).isEqualTo("ipps");
            enable(device);
            assertThat(device.print(TinyPdf.withText("x"), "x").printed()).isTrue();
            assertThat(sim.printed()).hasSize(1);
        }
    }

    @Test
    void aPrinterPresentingAnotherCertificateIsRefusedAndNothingIsSent() throws Exception {
        try (IppPrinterSimulator sim = IppPrinterSimulator.start(0, Duration.ofMillis(20), Duration.ofMillis(20), System::nanoTime, simulatorTls());
             A4PrinterDevice device = new A4PrinterDevice("a4Printer", sim.transportUri(), settings(resource("untrusted-other.crt")))) {
            assertThatThrownBy(device::open).isInstanceOf(DeviceException.class)
                    .hasMessageContaining("cannot reach").hasStackTraceContaining("SSLHandshakeException");
            assertThat(sim.jobs()).isEmpty();
        }
    }

    @Test
    void aTrustCertificateThatIsNotACertificateIsAClearConfigurationError() throws Exception {
        Path notACertificate = Files.writeString(dir.resolve("printer.crt"), "hello");
        assertThatThrownBy(() -> new A4PrinterDevice("a4Printer", TransportUri.parse("cups:ipps://127.0.0.1:1/ipp/print"),
                settings(notACertificate.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trustCertificate").hasMessageContaining("is not an X.509 certificate");
        assertThatThrownBy(() -> new A4PrinterDevice("a4Printer", TransportUri.parse("cups:ipps://127.0.0.1:1/ipp/print"),
                settings(dir.resolve("missing.crt").toString())))
                .hasMessageContaining("trustCertificate: cannot read");
    }

    private String resource(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = IppsTest.class.getResourceAsStream(TLS + name)) {
            Files.copy(in, file);
        }
        return file.toString();
    }

    private static SSLContext simulatorTls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = IppsTest.class.getResourceAsStream(TLS + "simulator-test-only.p12")) {
            keys.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "test-only".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static PrintSettings settings(String trustCertificate) {
        // generous: a TLS handshake on a loaded 2-core CI machine can take seconds
        return new PrintSettings(Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(20),
                "iso_a4_210x297mm", "kiosk-test", trustCertificate);
    }

    private static void enable(A4PrinterDevice device) throws DeviceException {
        device.open();
        device.claim();
        device.enable();
    }
}
