package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk simulate a4} and {@code kiosk print} against it, both as a technician would run them. */
class SimulateA4CommandTest {

    @TempDir
    Path tmp;

    @Test
    void aPdfPrintedOnTheSimulatedPrinterIsCompletedAndWrittenToTheOutputDirectory() throws Exception {
        Path pdf = tmp.resolve("page.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }
        Path jobs = tmp.resolve("jobs");
        java.io.StringWriter simOut = new java.io.StringWriter();
        picocli.CommandLine simulate = KioskCommand.commandLine();
        simulate.setOut(new java.io.PrintWriter(simOut, true));
        Thread running = start(() -> simulate.execute(
                "simulate", "a4", "--out", jobs.toString(), "--queue-ms", "50", "--print-ms", "100", "--duration", "5"));
        String uri = awaitUri(simOut);

        CommandRun print = CommandRun.of("print", "--printer", uri, pdf.toString());

        assertThat(print.exitCode()).as(print.out() + print.err()).isZero();
        assertThat(print.out()).contains("PRINTED: COMPLETED");
        assertThat(jobs.resolve("job-1.pdf")).hasSameBinaryContentAs(pdf);
        running.join(15_000);
        assertThat(running.isAlive()).as("the simulator ends after --duration").isFalse();
    }

    @Test
    void withThePaperOutThePrintCommandSaysSoAndExitsFour() throws Exception {
        Path pdf = tmp.resolve("page.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf.toFile());
        }
        java.io.StringWriter simOut = new java.io.StringWriter();
        picocli.CommandLine simulate = KioskCommand.commandLine();
        simulate.setOut(new java.io.PrintWriter(simOut, true));
        Thread running = start(() -> simulate.execute("simulate", "a4", "--paper-out", "--duration", "5"));
        String uri = awaitUri(simOut);

        CommandRun print = CommandRun.of("print", "--printer", uri, pdf.toString());

        assertThat(print.exitCode()).isEqualTo(ExitCodes.DEVICE_FAULT);
        assertThat(print.out()).contains("NOT PRINTED: OUT_OF_PAPER").contains("load paper");
        running.join(15_000);
    }

    /** The simulator on its own thread (not the common pool, which has one thread on a two-core machine). */
    private static Thread start(Runnable command) {
        Thread thread = new Thread(command, "simulate-a4-test");
        thread.start();
        return thread;
    }

    private static String awaitUri(java.io.StringWriter out) throws InterruptedException {
        Pattern uri = Pattern.compile("cups:ipp://127\\.0\\.0\\.1:\\d+/ipp/print");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = uri.matcher(out.toString());
            if (m.find()) {
                return m.group();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the simulator printed no URI: " + out);
    }
}
