package org.openkiosk.device.idcard;

import java.io.IOException;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SimulatedReaderLink;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.transport.SerialTransport;
import org.openkiosk.device.transport.TransportUri;

/**
 * Builds an ID card reader from configuration: driver {@code ga467} over {@code serial:PATH?baud=N} (or
 * {@code sim:SCENARIO} for the wire-level simulator on an in-process pty), driver {@code sdtapi} with
 * {@code sdtapi:/path/lib.so?port=1001}.
 */
public final class IdCardReaders {

    private IdCardReaders() {}

    public static IdCardReader create(String logicalName, String driver, TransportUri uri) throws IOException {
        return new IdCardReader(logicalName, module(driver, uri));
    }

    /** A simulated reader and the handle to its simulator (to place and remove cards, switch scenarios in a demo). */
    public record Simulated(IdCardReader reader, org.openkiosk.device.idcard.sim.IdCardReaderSimulator simulator) {}

    /** For demo mode: the simulator on an in-process pty, read through the real GA 467 stack. */
    public static Simulated createSimulated(String logicalName, SimScenario scenario, CardType cardType) throws IOException {
        return createSimulated(logicalName, scenario, cardType, IdCardReader.Settings.defaults());
    }

    /**
     * The same with the driver's polling timing given: a soak polls the simulator more often than a citizen needs
     * ({@code sim:?pollMillis=20}), so that thousands of card placements do not spend their time waiting for polls.
     */
    public static Simulated createSimulated(String logicalName, SimScenario scenario, CardType cardType,
                                            IdCardReader.Settings settings) throws IOException {
        SimulatedReaderLink link = SimulatedReaderLink.start(scenario, SyntheticCards.of(cardType));
        return new Simulated(new IdCardReader(logicalName, link, settings), link.simulator());
    }

    /** The module for a driver name and URI; the message of the exception says what would fit. */
    public static IdCardModule module(String driver, TransportUri uri) throws IOException {
        switch (driver) {
            case "ga467" -> {
                if (uri.scheme().equals("serial")) {
                    SerialTransport serial = new SerialTransport(uri);
                    return new Ga467Module(serial, serial.baud());
                }
                if (uri.isSimulator()) {
                    SimScenario scenario = uri.target().isEmpty() ? SimScenario.CARD_PRESENT : SimScenario.parse(uri.target());
                    CardType type = CardType.parse(uri.parameter("cardType", "resident"));
                    return SimulatedReaderLink.start(scenario, SyntheticCards.of(type));
                }
                throw new IllegalArgumentException("driver ga467 needs a serial: or sim: URI, got " + uri);
            }
            case "sdtapi" -> {
                if (!uri.scheme().equals("sdtapi")) {
                    throw new IllegalArgumentException("driver sdtapi needs an sdtapi:/path/lib.so?port=N URI, got " + uri);
                }
                return new SdtapiReader(uri);
            }
            default -> throw new IllegalArgumentException("unknown ID card reader driver \"" + driver + "\" (known: ga467, sdtapi)");
        }
    }
}
