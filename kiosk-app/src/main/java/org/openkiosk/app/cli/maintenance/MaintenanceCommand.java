package org.openkiosk.app.cli.maintenance;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.maintenance.PinHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiosk maintenance hash-pin}: the technicians' PIN as the salted hash kiosk.yaml stores. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Set up maintenance mode (the technicians' PIN).",
        subcommands = {MaintenanceCommand.HashPin.class})
public final class MaintenanceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "hash-pin", mixinStandardHelpOptions = true,
            description = {"Read a PIN (6-12 digits) from stdin and print the maintenance.pinHash line for kiosk.yaml.",
                    "On a terminal the PIN is asked twice without echo; otherwise one line is read from stdin."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:printed", "2:no PIN, not 6-12 digits, or the two entries differ"})
    static final class HashPin implements Callable<Integer> {

        /** Where the PIN comes from (stdin; tests may replace it). */
        static InputStream input = System.in;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            char[] pin = readPin();
            if (pin == null) {
                return ExitCodes.BAD_CONFIGURATION;
            }
            try {
                PinHash.requireValidPin(pin);
                PinHash hash = PinHash.create(pin);
                spec.commandLine().getOut().println("maintenance:");
                spec.commandLine().getOut().println("  pinHash: \"" + hash.encoded() + "\"");
                spec.commandLine().getErr().println("put these lines in kiosk.yaml, then check with ./kiosk config validate");
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("hash-pin: " + e.getMessage());
                return ExitCodes.BAD_CONFIGURATION;
            } finally {
                Arrays.fill(pin, '\0');
            }
        }

        private char[] readPin() throws IOException {
            Console console = System.console();
            if (console != null && input == System.in) {
                char[] first = console.readPassword("new maintenance PIN: ");
                char[] second = console.readPassword("again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    spec.commandLine().getErr().println("hash-pin: the two PINs differ");
                    if (first != null) {
                        Arrays.fill(first, '\0');
                    }
                    return null;
                }
                Arrays.fill(second, '\0');
                return first;
            }
            byte[] bytes = readLine(input);
            char[] pin = PinHash.pinFromBytes(bytes);
            Arrays.fill(bytes, (byte) 0);
            if (pin.length == 0) {
                spec.commandLine().getErr().println("hash-pin: no PIN on stdin (e.g. printf 123456 | ./kiosk maintenance hash-pin)");
                return null;
            }
            return pin;
        }

        /** The first line (at most 64 bytes are kept: a PIN is short). */
        private static byte[] readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() < 64) {
                    line.write(b);
                }
            }
            return line.toByteArray();
        }
    }
}
