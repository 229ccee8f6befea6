package org.openkiosk.app.cli.escpos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.escpos.PrinterStatus;
import org.openkiosk.device.escpos.ReceiptPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk receipt status --to URI [--json]}: the real-time status (DLE EOT 1–4). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Ask a receipt printer for its real-time status: online, coverOpen, paper (OK | NEAR_END | EMPTY), cutterError.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the printer can print (paper OK or NEAR_END)", "2:bad usage or URI",
                "3:printer unreachable, not answering, or status unknown on a one-way link",
                "4:the printer reports a fault (paper end, cover open, cutter error …)"})
public final class ReceiptStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PrinterConnection connection;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReceiptPrinter printer;
        try {
            printer = connection.create();
        } catch (IllegalArgumentException e) {
            err.println("receipt status: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        try (printer) {
            printer.open();
            Optional<PrinterStatus> status = printer.status();
            if (status.isEmpty()) {
                err.println("receipt status: status unknown: " + printer.description() + " cannot carry replies back (one-way USB printer?)");
                return ExitCodes.OUT_OF_SERVICE;
            }
            PrinterStatus s = status.get();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("online", s.online());
            fields.put("coverOpen", s.coverOpen());
            fields.put("paper", s.paper().name());
            fields.put("cutterError", s.cutterError());
            fields.put("unrecoverableError", s.unrecoverable());
            fields.put("autoRecoverableError", s.autoRecoverable());
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(fields));
            } else {
                fields.forEach((k, v) -> out.println(k + ": " + v));
            }
            if (!s.canPrint()) {
                err.println("receipt status: the printer cannot print: " + s.fault().orElse("fault")
                        + s.remedy().map(a -> " — " + a.description()).orElse(""));
                return ExitCodes.DEVICE_FAULT;
            }
            return ExitCodes.OK;
        } catch (DeviceException e) {
            err.println("receipt status: " + e.getMessage());
            return PrinterConnection.exitCodeFor(e);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
