package org.openkiosk.app.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.idcard.sim.SyntheticCards;

/** {@link DemoControls} acting on the wire-level simulators; a device that is not simulated is a clear error. */
final class SimulatorDemoControls implements DemoControls {

    private final Simulators simulators;

    SimulatorDemoControls(Simulators simulators) {
        this.simulators = simulators;
    }

    @Override
    public void placeCard(CardType type) {
        IdCardReaderSimulator reader = simulators.idCard().orElseThrow(() -> notSimulated("idReader"));
        reader.setCard(SyntheticCards.of(type));
        reader.placeCard();
    }

    @Override
    public void removeCard() {
        simulators.idCard().orElseThrow(() -> notSimulated("idReader")).removeCard();
    }

    @Override
    public void scan(String code) {
        try {
            simulators.scanner().orElseThrow(() -> notSimulated("scanner")).scan(code);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated scanner could not send the code", e);
        }
    }

    @Override
    public void receiptPaperOut(boolean out) {
        simulators.receipt().orElseThrow(() -> notSimulated("receiptPrinter"))
                .setCondition(out ? SimulatedPaper.EMPTY : SimulatedPaper.OK);
    }

    @Override
    public void nextFace(FaceMatch outcome) {
        simulators.face().orElseThrow(() -> notSimulated("faceVerifier")).answerNext(outcome);
    }

    @Override
    public void a4PaperOut(boolean out) {
        simulators.a4().orElseThrow(() -> notSimulated("a4Printer")).setPaperOut(out);
    }

    private static IllegalStateException notSimulated(String device) {
        return new IllegalStateException(device + " is not a simulated device (configure it with uri \"sim:\")");
    }
}
