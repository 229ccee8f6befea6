package org.openkiosk.app.cli.escpos;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.PseudoTerminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk simulate receipt [--tcp PORT] [--paper …] [--out DIR]}: an ESC/POS printer on a pty or TCP port. */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = {"Simulate an ESC/POS receipt printer on a new pseudo-terminal (default; its path is printed) or",
                "a TCP port. Answers status queries with the given paper state and writes every job as",
                "receipt-NNN.bin/.txt/.png into the output directory. Ctrl-C stops it."})
public final class SimulateReceiptCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tcp", paramLabel = "PORT", description = "Serve on 127.0.0.1:PORT (0 = any free port) instead of a pty.")
    Integer tcpPort;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "pty", description = "Optional word \"pty\" (the default link).")
    String mode;

    @Option(names = "--link", paramLabel = "PATH", description = "Also create a symbolic link PATH to the pty.")
    Path link;

    @Option(names = "--paper", defaultValue = "ok",
            description = "ok, near-end, empty, cover-open, cutter-error (default ${DEFAULT-VALUE}).")
    String paper;

    @Option(names = "--run-out-after", paramLabel = "LINES", description = "The paper runs out after this many printed lines.")
    Integer runOutAfter;

    @Option(names = "--paper-width", paramLabel = "MM", defaultValue = "80", description = "58 or 80, for the pictures (default ${DEFAULT-VALUE}).")
    int paperWidthMm;

    @Option(names = "--no-gs-r", description = "Play a model that answers the status (DLE EOT) but never GS r, so it "
            + "cannot confirm jobs.")
    boolean noGsR;

    @Option(names = "--out", paramLabel = "DIR", description = "Where captured receipts go (default: <tmp>/kiosk-receipts).")
    Path out;

    @Option(names = "--duration", hidden = true, paramLabel = "S", description = "Stop after S seconds (for tests).")
    Double durationSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatedPaper condition;
        PaperWidth width;
        try {
            if (mode != null && (!mode.equals("pty") || tcpPort != null)) {
                throw new IllegalArgumentException("give either the word pty or --tcp PORT, not \"" + mode + "\"");
            }
            condition = SimulatedPaper.parse(paper);
            width = PaperWidth.ofMillimetres(paperWidthMm);
            if (runOutAfter != null && runOutAfter < 1) {
                throw new IllegalArgumentException("--run-out-after must be at least 1 line");
            }
        } catch (IllegalArgumentException e) {
            err.println("simulate receipt: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Path directory = out != null ? out : Path.of(System.getProperty("java.io.tmpdir"), "kiosk-receipts");
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "simulate-receipt-stop");
        PseudoTerminal pty = null;
        try (ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(width, condition)) {
            simulator.setOutputDirectory(directory);
            simulator.setAnswersJobConfirmation(!noGsR);
            if (runOutAfter != null) {
                simulator.runOutOfPaperAfterLines(runOutAfter);
            }
            String address;
            if (tcpPort != null) {
                address = "tcp://127.0.0.1:" + simulator.serveTcp(tcpPort);
            } else {
                pty = link == null ? PseudoTerminal.open() : PseudoTerminal.open(link);
                simulator.serve(pty.master());
                address = "serial:" + pty.slavePath();
            }
            stdout.println(address);
            stdout.println("# ESC/POS receipt printer simulator, " + width.millimetres() + " mm, paper " + condition
                    + (noGsR ? ", no GS r (cannot confirm jobs)" : "") + "; receipts are written to " + directory.toAbsolutePath() + ". Ctrl-C stops it.");
            stdout.println("# try: ./kiosk receipt print --to " + address + " --test-page");
            stdout.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            if (durationSeconds != null) {
                stop.await((long) (durationSeconds * 1000), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            return ExitCodes.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // shutting down, or the hook was never added
            }
            if (pty != null) {
                pty.close();
            }
        }
    }
}
