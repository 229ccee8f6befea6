package org.openkiosk.app.cli.escpos;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.escpos.ReceiptPrinterOptions;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.device.transport.Transports;
import picocli.CommandLine.Option;

/** Options shared by the receipt commands, and the mapping of driver errors to exit codes. */
public final class PrinterConnection {

    @Option(names = "--to", required = true, paramLabel = "URI",
            description = "Where the printer is: tcp://HOST:9100, serial:/dev/ttyUSB0?baud=9600, usblp:/dev/usb/lp0.")
    String uri;

    @Option(names = "--paper-width", paramLabel = "MM", defaultValue = "80", description = "58 or 80 (default ${DEFAULT-VALUE}).")
    int paperWidthMm;

    @Option(names = "--no-cutter", description = "The model has no blade: feed instead of cutting.")
    boolean noCutter;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "20",
            description = "Seconds to wait for the printer to confirm a job (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--no-confirm", description = {"Do not ask the printer to confirm the job (GS r): for models that "
            + "answer the status (DLE EOT) but not GS r. The job is reported sent, not printed."})
    boolean noConfirm;

    /** @throws IllegalArgumentException for a bad URI or option (exit code 2) */
    ReceiptPrinter create() {
        TransportUri target = TransportUri.parse(uri);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("paperWidthMm", Integer.toString(paperWidthMm));
        options.put("cutter", Boolean.toString(!noCutter));
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        options.put("jobTimeoutMs", Long.toString(Math.round(timeoutSeconds * 1000)));
        if (noConfirm) {
            options.put("confirmJobs", "off");
        }
        return new ReceiptPrinter("receiptPrinter", Transports.create(target), ReceiptPrinterOptions.fromMap(options));
    }

    /** Unreachable or silent printer: out of service (3); a fault the printer reports: device fault (4). */
    static int exitCodeFor(DeviceException e) {
        RecommendedAction a = e.action();
        if (a == RecommendedAction.RECONNECT) {
            return ExitCodes.OUT_OF_SERVICE;
        }
        if (a == RecommendedAction.CHECK_CONFIGURATION) {
            return ExitCodes.BAD_CONFIGURATION;
        }
        return ExitCodes.DEVICE_FAULT;
    }
}
