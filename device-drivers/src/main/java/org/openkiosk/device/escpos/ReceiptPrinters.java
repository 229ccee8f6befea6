package org.openkiosk.device.escpos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.device.transport.Transports;

/** Builds the {@code escpos} driver from configuration (driver, URI, options). */
public final class ReceiptPrinters {

    private ReceiptPrinters() {}

    /** A printer with its simulator, for {@code sim:} URIs (demo mode, tests). */
    public record Simulated(ReceiptPrinter printer, ReceiptPrinterSimulator simulator) {}

    /**
     * {@code serial:}, {@code tcp://} and {@code usblp:} give the real driver on that link; {@code sim:} or
     * {@code sim:PAPER} (ok, near-end, empty, cover-open, cutter-error) gives the real driver talking over a
     * kernel pseudo-terminal to an in-process simulator.
     */
    public static ReceiptPrinter create(String logicalName, TransportUri uri, Map<String, String> options) {
        if (uri.isSimulator()) {
            return simulated(logicalName, uri.target().isEmpty() ? SimulatedPaper.OK : SimulatedPaper.parse(uri.target()), options).printer();
        }
        return new ReceiptPrinter(logicalName, Transports.create(uri), ReceiptPrinterOptions.fromMap(options));
    }

    public static Simulated simulated(String logicalName, SimulatedPaper paper, Map<String, String> options) {
        ReceiptPrinterOptions parsed = ReceiptPrinterOptions.fromMap(options);
        PseudoTerminal pty;
        try {
            pty = PseudoTerminal.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a pseudo-terminal for the receipt printer simulator", e);
        }
        ReceiptPrinterSimulator simulator = new ReceiptPrinterSimulator(parsed.paper(), paper);
        simulator.serve(pty.master());
        ReceiptPrinter printer = new ReceiptPrinter(logicalName, SerialTransport.of(pty.slavePath(), 115_200), parsed);
        printer.closeWith(simulator);
        printer.closeWith(pty);
        return new Simulated(printer, simulator);
    }
}
