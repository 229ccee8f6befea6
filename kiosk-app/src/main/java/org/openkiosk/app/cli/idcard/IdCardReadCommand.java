package org.openkiosk.app.cli.idcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.idcard.IdCardReadException;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.idcard.IdCardReaders;
import org.openkiosk.device.idcard.IdCardValidator;
import org.openkiosk.device.transport.TransportUri;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiosk idcard read}: waits for a card and prints what it holds. A technician's test of the reader, so it
 * prints the full data to the terminal on purpose; nothing of it is logged.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Wait for a card on the reader and print its data (technician test).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:card read", "2:bad option", "3:no card before the timeout", "4:device fault (SW3 code named)"})
public final class IdCardReadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "PATH",
            description = "Serial device of a GA 467 reader (/dev/ttyUSB0, a pty), or a URI: serial:PATH?baud=N, "
                    + "sdtapi:/opt/lib.so?port=1001, sim:SCENARIO (in-process simulator).")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "Baud rate (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "S", description = "Seconds to wait for a card (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print JSON (a stable contract) instead of lines.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            err.println("idcard read: --timeout must be between 0 and 3600 seconds, got " + timeoutSeconds);
            return ExitCodes.BAD_CONFIGURATION;
        }
        IdCardReader reader;
        try {
            reader = IdCardReaders.create("idcard-cli", driverOf(port), uriOf(port, baud));
        } catch (IllegalArgumentException | IOException e) {
            err.println("idcard read: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
        try {
            reader.open();
            Optional<IdCard> card = reader.readOnce(timeout);
            if (card.isEmpty()) {
                err.println("idcard read: no card on the reader within " + timeoutSeconds + " s (" + reader.description() + ")");
                return ExitCodes.OUT_OF_SERVICE;
            }
            print(card.get(), out);
            card.get().wipePhoto();
            return ExitCodes.OK;
        } catch (IdCardReadException e) {
            err.println("idcard read: device fault: " + e.getMessage());
            err.println("  what to do: " + e.action().description());
            return ExitCodes.DEVICE_FAULT;
        } catch (DeviceException e) {
            err.println("idcard read: device fault: " + e.getMessage());
            return ExitCodes.DEVICE_FAULT;
        } finally {
            reader.close();
        }
    }

    private void print(IdCard card, PrintWriter out) {
        Map<String, Object> fields = IdCardFields.of(card);
        IdCardValidator.Result checks = new IdCardValidator(Clock.systemDefaultZone()).validate(card);
        fields.put("problems", checks.problems().stream().map(IdCardValidator.Problem::message).toList());
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            fields.forEach((k, v) -> {
                if (v != null) {
                    out.println(k + ": " + v);
                }
            });
        }
        out.flush();
    }

    static String driverOf(String port) {
        return port.startsWith("sdtapi:") ? "sdtapi" : "ga467";
    }

    static TransportUri uriOf(String port, int baud) {
        if (port.startsWith("serial:") || port.startsWith("sdtapi:") || port.startsWith("sim:")) {
            return TransportUri.parse(port);
        }
        return TransportUri.parse("serial:" + port + "?baud=" + baud);
    }
}
