package org.openkiosk.app.cli.scanner;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.scanner.SerialScanner;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.device.transport.Transports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk scanner listen --port PATH [--count N] [--timeout S]}: one decoded code per line. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Print each code a serial scanner sends (one per line, control characters stripped).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:N codes arrived", "2:bad usage or port", "3:fewer than N codes before the timeout",
                "4:the port failed"})
public final class ScannerListenCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial device (/dev/ttyUSB0, a pty) or a transport URI (serial:…?baud=…, tcp://HOST:PORT).")
    String port;

    @Option(names = "--baud", defaultValue = "9600", description = "Baud rate for a plain path (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--count", defaultValue = "1", description = "Stop after N codes (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
            description = "Give up after S seconds in total (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--terminator", defaultValue = "any", description = "any (CR or LF), cr or lf (default ${DEFAULT-VALUE}).")
    String terminator;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SerialScanner scanner;
        try {
            if (count < 1 || timeoutSeconds <= 0) {
                throw new IllegalArgumentException("--count and --timeout must be positive");
            }
            TransportUri uri = port.matches("^[a-z]+:.*") && !port.startsWith("/")
                    ? TransportUri.parse(port) : TransportUri.parse("serial:" + port + "?baud=" + baud);
            scanner = new SerialScanner("scanner", Transports.create(uri), Map.of("terminator", terminator));
        } catch (IllegalArgumentException e) {
            err.println("scanner listen: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        BlockingQueue<String> codes = new LinkedBlockingQueue<>();
        try (scanner) {
            scanner.open();
            scanner.claim();
            scanner.enable();
            // this command is the "screen": re-arm inside the callback, before the reader handles the next code
            Consumer<String> take = new Consumer<>() {
                @Override
                public void accept(String code) {
                    codes.add(code);
                    scanner.arm(this);
                }
            };
            scanner.arm(take);
            long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
            int got = 0;
            while (got < count) {
                String code = codes.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (code == null) {
                    err.println("scanner listen: " + (got == 0 ? "no code" : "only " + got + " of " + count + " codes")
                            + " within " + timeoutSeconds + " s on " + scanner.description());
                    return ExitCodes.OUT_OF_SERVICE;
                }
                out.println(code);
                out.flush();
                got++;
            }
            return ExitCodes.OK;
        } catch (DeviceException e) {
            err.println("scanner listen: " + e.getMessage());
            return ExitCodes.DEVICE_FAULT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
