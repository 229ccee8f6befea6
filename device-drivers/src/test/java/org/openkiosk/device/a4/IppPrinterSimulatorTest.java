package org.openkiosk.device.a4;

import org.openkiosk.testsupport.Poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppTag;
import org.openkiosk.device.a4.sim.IppPrinterSimulator;

/** The real {@code ipp} driver against the in-process IPP printer simulator, over HTTP on 127.0.0.1. */
class IppPrinterSimulatorTest {

    private static final PrintSettings FAST = new PrintSettings(Duration.ofSeconds(10), Duration.ofMillis(50),
            Duration.ofSeconds(2), "iso_a4_210x297mm", "kiosk-test");

    @TempDir
    Path dir;

    @Test
    void aPrintGoesThroughPendingAndProcessingToCompletedAndTheDocumentIsKept() throws Exception {
        try (IppPrinterSimulator sim = IppPrinterSimulator.start(Duration.ofMillis(100), Duration.ofMillis(300));
             A4PrinterDevice device = enabled(sim)) {
            sim.setOutputDirectory(dir);
            byte[] pdf = TinyPdf.withText("simulated page");
            long start = System.nanoTime();
            PrintOutcome outcome = device.print(pdf, "test-page");

            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.COMPLETED);
            assertThat(outcome.lastJobState()).isEqualTo(JobState.COMPLETED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(sim.printed()).singleElement().satisfies(job -> {
                assertThat(job.document()).isEqualTo(pdf);
                assertThat(job.jobName()).isEqualTo("test-page");
            });
            assertThat(Files.readAllBytes(dir.resolve("job-" + outcome.jobId() + ".pdf"))).isEqualTo(pdf);
        }
    }

    @Test
    void jobStatesAreReportedAsTheJobProgresses() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        try (IppPrinterSimulator sim = IppPrinterSimulator.start(Duration.ofMillis(300), Duration.ofMillis(300), now::get)) {
            IppPrinter printer = new IppPrinter(PrinterEndpoint.of(sim.transportUri()), Duration.ofSeconds(2), "t");
            JobStatus submitted = printer.printPdf(TinyPdf.withText("x"), "x", List.of(IppAttribute.of("media", IppTag.KEYWORD, "iso_a4_210x297mm")));
            assertThat(submitted.state()).isEqualTo(JobState.PENDING);
            assertThat(printer.printerStatus().state()).isEqualTo(PrinterState.PROCESSING);
            now.addAndGet(Duration.ofMillis(400).toNanos());
            assertThat(printer.jobStatus(submitted.jobId()).state()).isEqualTo(JobState.PROCESSING);
            sim.setPaperOut(true);
            now.addAndGet(Duration.ofSeconds(10).toNanos()); // no paper: time passes, the job does not advance
            assertThat(printer.jobStatus(submitted.jobId()).state()).isEqualTo(JobState.PROCESSING_STOPPED);
            sim.setPaperOut(false);
            now.addAndGet(Duration.ofMillis(100).toNanos());
            assertThat(printer.jobStatus(submitted.jobId()).state()).isEqualTo(JobState.PROCESSING);
            now.addAndGet(Duration.ofMillis(200).toNanos());
            assertThat(printer.jobStatus(submitted.jobId()).state()).isEqualTo(JobState.COMPLETED);
            assertThat(printer.printerStatus().state()).isEqualTo(PrinterState.IDLE);
        }
    }

    @Test
    void paperOutMidJobIsAnHonestFailureAndTheJobNeverCompletes() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        // the simulator's time is real time plus a skew the test adds to, to let printing time pass without waiting
        java.util.concurrent.atomic.AtomicLong skew = new java.util.concurrent.atomic.AtomicLong();
        try (IppPrinterSimulator sim = IppPrinterSimulator.start(Duration.ofMillis(50), Duration.ofSeconds(2),
                () -> System.nanoTime() + skew.get());
             A4PrinterDevice device = enabled(sim)) {
            Future<PrintOutcome> printing = executor.submit(() -> device.print(TinyPdf.withText("half"), "half"));
            Poll.until(Duration.ofSeconds(10), "the job processing",
                    () -> !sim.jobs().isEmpty() && sim.jobs().get(0).state() == JobState.PROCESSING);
            sim.setPaperOut(true);
            PrintOutcome outcome = printing.get(10, TimeUnit.SECONDS);

            assertThat(outcome.printed()).isFalse();
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.OUT_OF_PAPER);
            assertThat(outcome.action()).isEqualTo(RecommendedAction.LOAD_PAPER);
            assertThat(outcome.printerStateReasons()).contains("media-empty-error");
            // the kiosk cancelled it, so loading paper later does not print a certificate nobody collects
            sim.setPaperOut(false);
            skew.addAndGet(Duration.ofSeconds(3).toNanos()); // longer than the simulated print
            assertThat(sim.jobs()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.CANCELED));
            assertThat(sim.printed()).isEmpty();
            sim.setPaperOut(true);
            assertThat(device.checkHealth(HealthCheckLevel.EXTERNAL).action()).isEqualTo(RecommendedAction.LOAD_PAPER);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aStoppedPrinterFailsTheJobAsStopped() throws Exception {
        try (IppPrinterSimulator sim = IppPrinterSimulator.start(Duration.ofMillis(50), Duration.ofMillis(50));
             A4PrinterDevice device = enabled(sim)) {
            sim.setStopped(true);
            PrintOutcome outcome = device.print(TinyPdf.withText("stopped"), "stopped");
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(PrintStatus.PRINTER_STOPPED);
            assertThat(sim.printed()).isEmpty();
        }
    }

    @Test
    void unsupportedFormatsUnknownJobsAndGarbageAreAnsweredNotCrashedOn() throws Exception {
        try (IppPrinterSimulator sim = IppPrinterSimulator.start()) {
            IppPrinter printer = new IppPrinter(PrinterEndpoint.of(sim.transportUri()), Duration.ofSeconds(2), "t");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> printer.jobStatus(999))
                    .isInstanceOf(IppRejectedException.class);
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + sim.printerUri().getPort()
                    + IppPrinterSimulator.PATH).openConnection();
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.getOutputStream().write(new byte[] {1, 1, 0});
            assertThat(c.getResponseCode()).isEqualTo(400);
            c.disconnect();
            assertThat(printer.printerStatus().acceptingJobs()).isTrue();
        }
    }

    @Test
    void closingStopsEveryThreadAndClosesEverySocketItOpened() throws Exception {
        IppPrinterSimulator.start().close(); // JDK-wide set-up (selector provider …) happens once
        java.util.List<String> before = fdTargets();
        IppPrinterSimulator sim = IppPrinterSimulator.start(Duration.ofMillis(10), Duration.ofMillis(10));
        try (A4PrinterDevice device = enabled(sim)) {
            assertThat(device.print(TinyPdf.withText("x"), "x").printed()).isTrue();
        }
        sim.close();
        Poll.value(Duration.ofSeconds(5), "no file descriptor left open by the simulator", () -> {
            java.util.List<String> after = fdTargets();
            before.forEach(after::remove);
            return after.isEmpty() ? java.util.Optional.of(true) : java.util.Optional.empty();
        });
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("ipp-printer-sim"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> enabled(sim).close()).isInstanceOf(DeviceException.class);
    }

    private static java.util.List<String> fdTargets() throws IOException {
        java.util.List<String> targets = new java.util.ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    // the listing's own descriptor
                }
            }
        }
        return targets;
    }

    private static A4PrinterDevice enabled(IppPrinterSimulator sim) throws DeviceException, IOException {
        A4PrinterDevice device = new A4PrinterDevice("a4Printer", sim.transportUri(), FAST);
        try {
            device.open();
            device.claim();
            device.enable();
            return device;
        } catch (DeviceException e) {
            device.close();
            throw e;
        }
    }
}
