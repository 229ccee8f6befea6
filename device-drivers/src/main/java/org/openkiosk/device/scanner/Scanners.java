package org.openkiosk.device.scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.device.transport.Transports;

/** Builds the {@code serial-scanner} and {@code wedge} drivers from configuration. */
public final class Scanners {

    private Scanners() {}

    /** A serial scanner on a pty whose other side the demo (or a test) drives with {@link #scan(String)}. */
    public static final class Simulated {
        private final SerialScanner scanner;
        private final PseudoTerminal pty;

        private Simulated(SerialScanner scanner, PseudoTerminal pty) {
            this.scanner = scanner;
            this.pty = pty;
        }

        public SerialScanner scanner() {
            return scanner;
        }

        /** Sends one code with a CR terminator, as the scanner hardware would. */
        public void scan(String code) throws IOException {
            pty.master().write((code + "\r").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * @param driver {@code serial-scanner} (serial:, tcp:// URIs, or sim:) or {@code wedge}
     */
    public static ScannerDevice create(String logicalName, String driver, TransportUri uri, Map<String, String> options) {
        return switch (driver) {
            case "wedge" -> new WedgeScanner(logicalName, new KeyboardWedgeDecoder());
            case "serial-scanner" -> uri.isSimulator() ? simulated(logicalName, options).scanner()
                    : new SerialScanner(logicalName, Transports.create(uri), options);
            default -> throw new IllegalArgumentException("unknown scanner driver \"" + driver + "\" (serial-scanner, wedge)");
        };
    }

    public static Simulated simulated(String logicalName, Map<String, String> options) {
        PseudoTerminal pty;
        try {
            pty = PseudoTerminal.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a pseudo-terminal for the scanner simulator", e);
        }
        SerialScanner scanner = new SerialScanner(logicalName, SerialTransport.of(pty.slavePath(), 9600), options);
        scanner.closeWith(pty);
        return new Simulated(scanner, pty);
    }
}
