package org.openkiosk.app.cli.a4;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.a4.PrintOutcome;
import org.openkiosk.device.a4.PrintSettings;
import org.openkiosk.device.transport.TransportUri;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "print", mixinStandardHelpOptions = true,
        description = "Print a PDF on an A4 printer through CUPS/IPP and wait for the job's final state.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the printer reported the job completed", "2:bad usage or not a PDF",
                "4:not printed (stopped, out of paper, aborted, cancelled, unreachable, timed out)"})
public final class PrintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--printer", required = true, paramLabel = "NAME",
            description = "a CUPS queue name (kioskA4), or a transport URI (cups:ipp://host:631/ipp/print)")
    String printer;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "give up (and cancel the job) when it has not completed after this long (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Parameters(index = "0", paramLabel = "FILE.pdf")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] pdf;
        try {
            pdf = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("no such file: " + file);
            return ExitCodes.BAD_CONFIGURATION;
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            err.println(file + " is not a PDF");
            return ExitCodes.BAD_CONFIGURATION;
        }
        TransportUri uri;
        try {
            uri = TransportUri.parse(printer.contains(":") ? printer : "cups:" + printer);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        PrintSettings settings = PrintSettings.DEFAULTS.withJobTimeout(Duration.ofSeconds(timeoutSeconds));
        try (A4PrinterDevice device = new A4PrinterDevice("a4Printer", uri, settings)) {
            device.open();
            device.claim();
            device.enable();
            out.println("printing " + file.getFileName() + " on " + device.description() + " …");
            out.flush();
            PrintOutcome outcome = device.print(pdf, file.getFileName().toString());
            out.println((outcome.printed() ? "PRINTED: " : "NOT PRINTED: ") + outcome);
            if (!outcome.printed()) {
                out.println("  what to do: " + outcome.action().description());
            }
            return outcome.printed() ? ExitCodes.OK : ExitCodes.DEVICE_FAULT;
        } catch (DeviceException e) {
            err.println("NOT PRINTED: " + e.getMessage() + " — " + e.action().description());
            return ExitCodes.DEVICE_FAULT;
        }
    }
}
