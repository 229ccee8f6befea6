package org.openkiosk.app.cli.a4;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.a4.sim.IppPrinterSimulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk simulate a4 [--port N] [--out DIR]}: the IPP printer simulator until Ctrl-C. */
@Command(name = "a4", mixinStandardHelpOptions = true,
        description = "Simulate an A4 IPP printer on 127.0.0.1 (its URI is printed): jobs go pending → processing → "
                + "completed; received PDFs are kept, and written to --out when given. Runs until Ctrl-C.")
public final class SimulateA4Command implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "TCP port (default: any free port).")
    int port;

    @Option(names = "--out", paramLabel = "DIR", description = "Write each received document as DIR/job-N.pdf.")
    Path out;

    @Option(names = "--queue-ms", paramLabel = "MS", defaultValue = "250", description = "Time a job stays pending (default ${DEFAULT-VALUE}).")
    long queueMs;

    @Option(names = "--print-ms", paramLabel = "MS", defaultValue = "1000", description = "Time a job prints (default ${DEFAULT-VALUE}).")
    long printMs;

    @Option(names = "--paper-out", description = "Start with the paper out (media-empty-error): jobs wait, the driver reports OUT_OF_PAPER.")
    boolean paperOut;

    @Option(names = "--duration", hidden = true, paramLabel = "S", description = "Stop after S seconds (for tests).")
    Double durationSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (queueMs < 0 || printMs < 0) {
            err.println("simulate a4: --queue-ms and --print-ms must not be negative");
            return ExitCodes.BAD_CONFIGURATION;
        }
        IppPrinterSimulator simulator;
        try {
            simulator = IppPrinterSimulator.start(port, Duration.ofMillis(queueMs), Duration.ofMillis(printMs), System::nanoTime);
        } catch (IllegalArgumentException e) {
            err.println("simulate a4: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        } catch (BindException e) {
            err.println("simulate a4: port " + port + " is in use");
            return ExitCodes.BAD_CONFIGURATION;
        } catch (IOException e) {
            err.println("simulate a4: cannot start: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "simulate-a4-stop");
        try (simulator) {
            simulator.setOutputDirectory(out);
            simulator.setPaperOut(paperOut);
            stdout.println(simulator.transportUri());
            stdout.println("# A4 printer simulator" + (paperOut ? " (paper out)" : "") + (out == null ? "" : ", documents to " + out)
                    + ". Ctrl-C stops it.");
            stdout.println("# configure: a4Printer: { driver: ipp, uri: \"" + simulator.transportUri() + "\" }");
            stdout.println("# try: ./kiosk print --printer " + simulator.transportUri() + " FILE.pdf");
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
        }
    }
}
