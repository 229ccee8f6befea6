package org.openkiosk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.openkiosk.app.runtime.DemoControls;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.idcard.CardType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code demo --headless} has no screen to touch: its simulated devices are steered by lines on standard input, so
 * that scripts (fleet simulations, soaks, CI) can raise and clear faults. Each line acts on the wire-level
 * simulator through {@link DemoControls}; a paper change is followed by the printer's status query, which is how
 * the kiosk learns it after a print. Unknown lines are answered on standard error and ignored. Runs on its own
 * daemon thread (never the JavaFX thread); ends at the end of input ({@code /dev/null} under systemd).
 */
final class HeadlessDemoInput {

    static final String HELP = "demo input: receipt-paper out|ok, a4-paper out|ok, card resident|J|Y|I, card remove, "
            + "scan TEXT";

    private static final Logger log = LoggerFactory.getLogger(HeadlessDemoInput.class);

    private final Supplier<Optional<KioskRuntime>> runtime;
    private final PrintWriter err;

    HeadlessDemoInput(Supplier<Optional<KioskRuntime>> runtime, PrintWriter err) {
        this.runtime = runtime;
        this.err = err;
    }

    void startReading(InputStream in) {
        Thread reader = new Thread(() -> readAll(in), "demo-input");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    apply(line.strip());
                }
            }
        } catch (IOException e) {
            log.debug("demo input ended: {}", e.toString());
        }
    }

    /** Carries out one line; false (with a word on standard error) when it means nothing. */
    boolean apply(String line) {
        String[] words = line.split("\\s+", 2);
        String argument = words.length > 1 ? words[1] : "";
        Optional<KioskRuntime> current = runtime.get();
        Optional<DemoControls> controls = current.flatMap(KioskRuntime::demoControls);
        if (controls.isEmpty()) {
            return refuse(line, "no demo kiosk is running (yet)");
        }
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "receipt-paper" -> {
                    controls.get().receiptPaperOut(paperOut(argument));
                    current.get().receiptPrinter().ifPresent(p -> p.checkHealth(HealthCheckLevel.EXTERNAL));
                }
                case "a4-paper" -> {
                    controls.get().a4PaperOut(paperOut(argument));
                    current.get().a4Printer().ifPresent(p -> p.checkHealth(HealthCheckLevel.EXTERNAL));
                }
                case "card" -> {
                    if ("remove".equalsIgnoreCase(argument)) {
                        controls.get().removeCard();
                    } else {
                        controls.get().placeCard(CardType.parse(argument));
                    }
                }
                case "scan" -> controls.get().scan(argument);
                default -> {
                    return refuse(line, HELP);
                }
            }
        } catch (IllegalArgumentException e) {
            return refuse(line, e.getMessage());
        }
        log.info("demo input: {}", words[0]); // not the argument: a scanned text may be a booking code
        return true;
    }

    private static boolean paperOut(String argument) {
        return switch (argument.toLowerCase(Locale.ROOT)) {
            case "out" -> true;
            case "ok" -> false;
            default -> throw new IllegalArgumentException("expected out or ok, got \"" + argument + "\"");
        };
    }

    private boolean refuse(String line, String why) {
        err.println("kiosk: demo input \"" + line.split("\\s+", 2)[0] + "\" ignored: " + why);
        err.flush();
        return false;
    }
}
