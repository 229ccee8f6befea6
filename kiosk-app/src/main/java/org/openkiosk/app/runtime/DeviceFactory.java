package org.openkiosk.app.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.DriverCatalog;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.KioskDevice;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.a4.PrintSettings;
import org.openkiosk.device.a4.sim.IppPrinterSimulator;
import org.openkiosk.device.docscan.DocumentScannerDevice;
import org.openkiosk.device.escpos.ReceiptPrinters;
import org.openkiosk.device.face.FaceMatcher;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.face.FaceVerifiers;
import org.openkiosk.device.face.SimulatedFaceMatcher;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.idcard.IdCardReaders;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.scanner.Scanners;
import org.openkiosk.device.transport.TransportUri;

/**
 * Turns one configured device (logical name, driver, URI, options) into a {@link KioskDevice} through the
 * driver factories. A {@code sim:} URI gives the real driver talking to its wire-level simulator in this
 * process (a pty for serial devices, HTTP on 127.0.0.1 for the A4 printer); the simulator handles land in
 * {@link Simulators}. The driver {@code sim} means the class's first driver with a {@code sim:} URI.
 */
public final class DeviceFactory {

    /** A built device and what must be closed after it (simulators the device does not own itself). */
    public record Created(KioskDevice device, List<AutoCloseable> companions) {
        public Created {
            companions = List.copyOf(companions);
        }
    }

    private final Simulators simulators;
    private final Optional<FaceMatcher> platformFaces;

    public DeviceFactory(Simulators simulators) {
        this(simulators, Optional.empty());
    }

    /** @param platformFaces the service platform's face verification, when it offers one (driver {@code platform}) */
    public DeviceFactory(Simulators simulators, Optional<FaceMatcher> platformFaces) {
        this.simulators = simulators;
        this.platformFaces = platformFaces;
    }

    /**
     * @throws DeviceCreationException naming the device when the name, driver or URI does not fit, or the
     *                                 driver cannot be built (e.g. no pseudo-terminal)
     */
    public Created create(String logicalName, DeviceConfig config) throws DeviceCreationException {
        DeviceClass deviceClass = DriverCatalog.deviceClassOf(logicalName).orElseThrow(() ->
                new DeviceCreationException(logicalName, "unknown device name (known: "
                        + String.join(", ", DriverCatalog.logicalNames()) + ")", null));
        String driver = config.driver();
        if (!DriverCatalog.isKnownDriver(deviceClass, driver)) {
            throw new DeviceCreationException(logicalName, "unknown driver \"" + driver + "\" for device class "
                    + deviceClass + " (known: " + String.join(", ", DriverCatalog.driversFor(deviceClass)) + ")", null);
        }
        TransportUri uri = config.uri();
        if (deviceClass == DeviceClass.FACE_VERIFIER) { // its sim driver is a matcher of its own, not a wire simulator
            return faceVerifier(logicalName, driver, uri, config);
        }
        if (driver.equals(DriverCatalog.SIMULATOR)) {
            driver = DriverCatalog.driversFor(deviceClass).get(0);
            uri = uri.isSimulator() ? uri : TransportUri.parse("sim:");
        }
        if (!DriverCatalog.schemesFor(deviceClass, driver).contains(uri.scheme())) {
            throw new DeviceCreationException(logicalName, "driver " + driver + " cannot use a " + uri.scheme()
                    + ": URI (" + uri + "); it takes " + String.join(", ", DriverCatalog.schemesFor(deviceClass, driver)), null);
        }
        try {
            return switch (deviceClass) {
                case ID_CARD_READER -> idReader(logicalName, driver, uri);
                case RECEIPT_PRINTER -> receiptPrinter(logicalName, uri, config);
                case A4_PRINTER -> a4Printer(logicalName, uri, config);
                case BARCODE_SCANNER -> scanner(logicalName, driver, uri, config);
                case DOCUMENT_SCANNER -> new Created(new DocumentScannerDevice(logicalName, uri), List.of());
                case FACE_VERIFIER -> throw new IllegalStateException("handled above");
            };
        } catch (IOException | UncheckedIOException e) {
            throw new DeviceCreationException(logicalName, "cannot set up " + driver + " over " + uri + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DeviceCreationException(logicalName, driver + " over " + uri + ": " + e.getMessage(), e);
        }
    }

    private Created faceVerifier(String name, String driver, TransportUri uri, DeviceConfig config)
            throws DeviceCreationException {
        if (!DriverCatalog.schemesFor(DeviceClass.FACE_VERIFIER, driver).contains(uri.scheme())) {
            throw new DeviceCreationException(name, "driver " + driver + " cannot use a " + uri.scheme() + ": camera ("
                    + uri + "); it takes " + String.join(", ", DriverCatalog.schemesFor(DeviceClass.FACE_VERIFIER, driver)), null);
        }
        try {
            FaceVerifier verifier = FaceVerifiers.create(name, driver, uri, config.options(), platformFaces);
            if (verifier.matcher() instanceof SimulatedFaceMatcher simulated) {
                simulators.face(simulated);
            }
            return new Created(verifier, List.of());
        } catch (IllegalArgumentException e) {
            throw new DeviceCreationException(name, driver + " with camera " + uri + ": " + e.getMessage(), e);
        }
    }

    private Created idReader(String name, String driver, TransportUri uri) throws IOException {
        if (uri.isSimulator()) {
            // a demo starts with an empty reader; sim:card-present etc. choose another scenario
            SimScenario scenario = uri.target().isEmpty() ? SimScenario.NO_CARD : SimScenario.parse(uri.target());
            CardType type = CardType.parse(uri.parameter("cardType", "resident"));
            // how often the real driver polls its simulator; a soak polls faster than a citizen needs (ADR 0182)
            IdCardReader.Settings timing = IdCardReader.Settings.defaults();
            if (uri.intParameter("pollMillis").isPresent()) {
                long poll = millis(uri, "pollMillis", 0);
                if (poll == 0) {
                    throw new IllegalArgumentException("pollMillis must be at least 1");
                }
                timing = timing.withPollInterval(Duration.ofMillis(poll));
            }
            IdCardReaders.Simulated simulated = IdCardReaders.createSimulated(name, scenario, type, timing);
            simulators.idCard(simulated.simulator());
            return new Created(simulated.reader(), List.of());
        }
        return new Created(IdCardReaders.create(name, driver, uri), List.of());
    }

    private Created receiptPrinter(String name, TransportUri uri, DeviceConfig config) {
        if (uri.isSimulator()) {
            SimulatedPaper paper = uri.target().isEmpty() ? SimulatedPaper.OK : SimulatedPaper.parse(uri.target());
            ReceiptPrinters.Simulated simulated = ReceiptPrinters.simulated(name, paper, config.options());
            simulators.receipt(simulated.simulator());
            return new Created(simulated.printer(), List.of());
        }
        return new Created(ReceiptPrinters.create(name, uri, config.options()), List.of());
    }

    private Created a4Printer(String name, TransportUri uri, DeviceConfig config) throws IOException {
        PrintSettings settings = PrintSettings.fromOptions(config.options());
        if (uri.isSimulator()) {
            IppPrinterSimulator simulator = IppPrinterSimulator.start(
                    Duration.ofMillis(millis(uri, "queueMillis", 250)), Duration.ofMillis(millis(uri, "printMillis", 1000)));
            try {
                A4PrinterDevice device = new A4PrinterDevice(name, simulator.transportUri(), settings);
                simulators.a4(simulator);
                return new Created(device, List.of(simulator));
            } catch (RuntimeException e) {
                simulator.close();
                throw e;
            }
        }
        return new Created(new A4PrinterDevice(name, uri, settings), List.of());
    }

    private Created scanner(String name, String driver, TransportUri uri, DeviceConfig config) {
        if (uri.isSimulator() && driver.equals("serial-scanner")) {
            Scanners.Simulated simulated = Scanners.simulated(name, config.options());
            simulators.scanner(simulated);
            return new Created(simulated.scanner(), List.of());
        }
        return new Created(Scanners.create(name, driver, uri, config.options()), List.of());
    }

    private static long millis(TransportUri uri, String parameter, int fallback) {
        int value = uri.intParameter(parameter).orElse(fallback);
        if (value < 0) {
            throw new IllegalArgumentException(parameter + " must not be negative");
        }
        return value;
    }
}
