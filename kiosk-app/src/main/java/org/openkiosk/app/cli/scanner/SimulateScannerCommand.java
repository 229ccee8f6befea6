package org.openkiosk.app.cli.scanner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.scanner.ScannerSimulator;
import org.openkiosk.device.transport.PseudoTerminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk simulate scanner --codes A,B [--interval MS]}: a serial scanner on a new pty (path printed). */
@Command(name = "scanner", mixinStandardHelpOptions = true,
        description = "Simulate a serial barcode scanner on a new pseudo-terminal (its path is printed): it sends the "
                + "given codes, each followed by the terminator, then keeps the port open until Ctrl-C.")
public final class SimulateScannerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--codes", required = true, split = ",", paramLabel = "A,B", description = "The codes to send.")
    List<String> codes;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "500", description = "Pause between codes (default ${DEFAULT-VALUE} ms).")
    long intervalMs;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "2000",
            description = "Wait before the first code, so a listener can open the port (default ${DEFAULT-VALUE} ms).")
    long delayMs;

    @Option(names = "--terminator", defaultValue = "cr", description = "cr, lf or crlf (default ${DEFAULT-VALUE}).")
    String terminator;

    @Option(names = "--tcp", paramLabel = "PORT", description = "Serve each client of 127.0.0.1:PORT instead of a pty.")
    Integer tcpPort;

    @Option(names = "--link", paramLabel = "PATH", description = "Also create a symbolic link PATH to the pty.")
    Path link;

    @Option(names = "--duration", hidden = true, paramLabel = "S", description = "Stop after S seconds (for tests).")
    Double durationSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String end = switch (terminator) {
            case "cr" -> "\r";
            case "lf" -> "\n";
            case "crlf" -> "\r\n";
            default -> null;
        };
        if (end == null || intervalMs < 0 || delayMs < 0) {
            err.println("simulate scanner: --terminator must be cr, lf or crlf; --interval and --delay not negative");
            return ExitCodes.BAD_CONFIGURATION;
        }
        List<String> clean = codes.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
        if (clean.isEmpty()) {
            err.println("simulate scanner: --codes needs at least one code");
            return ExitCodes.BAD_CONFIGURATION;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "simulate-scanner-stop");
        PseudoTerminal pty = null;
        try (ScannerSimulator simulator = new ScannerSimulator(clean, end, Duration.ofMillis(intervalMs))) {
            if (tcpPort != null) {
                out.println("tcp://127.0.0.1:" + simulator.serveTcp(tcpPort));
            } else {
                pty = link == null ? PseudoTerminal.open() : PseudoTerminal.open(link);
                simulator.sendOver(pty.master(), Duration.ofMillis(delayMs));
                out.println(pty.slavePath());
            }
            out.println("# scanner simulator: " + clean.size() + " code(s) " + String.join(", ", clean)
                    + (tcpPort == null ? " after " + delayMs + " ms" : " to each client") + ". Ctrl-C stops it.");
            if (tcpPort == null) {
                out.println("# try: ./kiosk scanner listen --port " + pty.slavePath() + " --count " + clean.size());
            }
            out.flush();
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
