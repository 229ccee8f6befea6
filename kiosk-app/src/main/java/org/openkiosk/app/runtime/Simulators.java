package org.openkiosk.app.runtime;

import java.util.Optional;
import org.openkiosk.device.a4.sim.IppPrinterSimulator;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.face.SimulatedFaceMatcher;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.scanner.Scanners;

/**
 * The wire-level simulators behind the devices configured with {@code sim:} URIs, kept so that
 * {@link DemoControls} (and tests) can act on them. The devices own and close them.
 */
public final class Simulators {

    private volatile IdCardReaderSimulator idCard;
    private volatile ReceiptPrinterSimulator receipt;
    private volatile Scanners.Simulated scanner;
    private volatile IppPrinterSimulator a4;
    private volatile SimulatedFaceMatcher face;

    void idCard(IdCardReaderSimulator simulator) {
        this.idCard = simulator;
    }

    void receipt(ReceiptPrinterSimulator simulator) {
        this.receipt = simulator;
    }

    void scanner(Scanners.Simulated simulator) {
        this.scanner = simulator;
    }

    void a4(IppPrinterSimulator simulator) {
        this.a4 = simulator;
    }

    void face(SimulatedFaceMatcher matcher) {
        this.face = matcher;
    }

    public Optional<SimulatedFaceMatcher> face() {
        return Optional.ofNullable(face);
    }

    public Optional<IdCardReaderSimulator> idCard() {
        return Optional.ofNullable(idCard);
    }

    public Optional<ReceiptPrinterSimulator> receipt() {
        return Optional.ofNullable(receipt);
    }

    public Optional<Scanners.Simulated> scanner() {
        return Optional.ofNullable(scanner);
    }

    public Optional<IppPrinterSimulator> a4() {
        return Optional.ofNullable(a4);
    }

    /** True when at least one device runs against a simulator. */
    public boolean any() {
        return idCard != null || receipt != null || scanner != null || a4 != null || face != null;
    }
}
