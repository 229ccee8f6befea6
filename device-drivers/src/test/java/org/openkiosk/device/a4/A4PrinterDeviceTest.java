package org.openkiosk.device.a4;

import org.openkiosk.testsupport.IppEvePrinter;
import org.openkiosk.testsupport.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/** Prints to a real ippeveprinter process over IPP and reads the received document back. */
class A4PrinterDeviceTest {

    private static final PrintSettings FAST = new PrintSettings(Duration.ofSeconds(20), Duration.ofMillis(100),
            Duration.ofSeconds(2), "iso_a4_210x297mm", "kiosk-test");

    @TempDir
    Path dir;

    @Test
    void aPrintReachesCompletedAndThePrinterReceivedTheDocument() throws Exception {
        try (IppEvePrinter ipp = IppEvePrinter.start(dir);
             A4PrinterDevice device = new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippUri()), FAST)) {
            enable(device);
            PrintOutcome outcome = device.print(TinyPdf.withText("Kiosk test page 42"), "test-page");

            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.COMPLETED);
            assertThat(outcome.printed()).isTrue();
            assertThat(outcome.lastJobState()).isEqualTo(JobState.COMPLETED);
            assertThat(outcome.jobId()).isPositive();
            assertThat(ipp.receivedDocuments()).hasSize(1);
            RequiredTool.require(IppEvePrinter.onPath("pdftotext"), "pdftotext (poppler-utils) reads the received job back");
            assertThat(pdfToText(ipp.receivedDocuments().get(0))).contains("Kiosk test page 42");
            assertThat(device.statistics().get("prints")).isEqualTo(1);
        }
    }

    @Test
    void aHungPrinterEndsInAClearFailureWithinTheTimeoutAndNeverCountsAsPrinted() throws Exception {
        try (IppEvePrinter ipp = IppEvePrinter.start(dir);
             A4PrinterDevice device = new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippUri()),
                     FAST.withJobTimeout(Duration.ofSeconds(3)))) {
            enable(device);
            ipp.freeze();
            long start = System.nanoTime();
            PrintOutcome outcome = device.print(TinyPdf.withText("never printed"), "hung");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.UNREACHABLE);
            assertThat(outcome.action()).isEqualTo(RecommendedAction.RECONNECT);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(device.checkHealth(HealthCheckLevel.EXTERNAL).isUsable()).isFalse();
        }
    }

    @Test
    void aPrinterKilledWhileTheJobIsProcessingIsReportedAsUnreachableNotPrinted() throws Exception {
        IppEvePrinter ipp = IppEvePrinter.start(dir);
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (A4PrinterDevice device = new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippUri()), FAST)) {
            enable(device);
            java.util.concurrent.Future<PrintOutcome> printing = executor.submit(() -> device.print(TinyPdf.withText("dies"), "dies"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ipp.receivedDocuments().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ipp.receivedDocuments()).as("the printer accepted the job").hasSize(1);
            ipp.close();
            PrintOutcome outcome = printing.get(30, TimeUnit.SECONDS);
            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.UNREACHABLE);
            assertThat(outcome.jobId()).isPositive();
            assertThat(outcome.detail()).contains("stopped answering");
        } finally {
            executor.shutdownNow();
            ipp.close();
        }
    }

    @Test
    void aPrinterThatIsGoneBeforeSubmissionIsUnreachable() throws Exception {
        IppEvePrinter ipp = IppEvePrinter.start(dir);
        try (A4PrinterDevice device = new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippUri()), FAST)) {
            enable(device);
            ipp.close();
            PrintOutcome outcome = device.print(TinyPdf.withText("gone"), "gone");
            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.status()).isEqualTo(PrintStatus.UNREACHABLE);
            assertThat(outcome.detail()).contains("cannot submit");
        } finally {
            ipp.close();
        }
    }

    @Test
    void openingAnUnreachablePrinterFailsWithReconnect() throws Exception {
        int port = IppEvePrinter.freePort();
        try (A4PrinterDevice device = new A4PrinterDevice("a4Printer",
                TransportUri.parse("cups:ipp://localhost:" + port + "/ipp/print"), FAST)) {
            assertThatThrownBy(device::open).isInstanceOf(DeviceException.class)
                    .hasMessageContaining("cannot reach")
                    .satisfies(e -> assertThat(((DeviceException) e).action()).isEqualTo(RecommendedAction.RECONNECT));
        }
    }

    @Test
    void aDocumentThatIsNotAPdfIsRefusedBeforeAnythingIsSent() throws Exception {
        try (IppEvePrinter ipp = IppEvePrinter.start(dir);
             A4PrinterDevice device = new A4PrinterDevice("a4Printer", TransportUri.parse("cups:" + ipp.ippUri()), FAST)) {
            enable(device);
            assertThatThrownBy(() -> device.print("hello".getBytes(StandardCharsets.US_ASCII), "x"))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("not a PDF");
            assertThat(ipp.receivedDocuments()).isEmpty();
        }
    }

    private static void enable(A4PrinterDevice device) throws DeviceException {
        device.open();
        device.claim();
        device.enable();
    }

    static String pdfToText(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
