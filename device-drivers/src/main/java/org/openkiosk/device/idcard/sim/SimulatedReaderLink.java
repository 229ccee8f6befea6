package org.openkiosk.device.idcard.sim;

import java.io.IOException;
import org.openkiosk.device.idcard.Ga467Module;
import org.openkiosk.device.idcard.IdCardModule;
import org.openkiosk.device.idcard.CardBlocks;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;

/**
 * For {@code sim:} configuration (demo mode): a simulator on an in-process pseudo-terminal, and the real GA 467
 * driver stack (jSerialComm, frames, checksums) on the other side. Closing the module closes both.
 */
public final class SimulatedReaderLink implements IdCardModule {

    private final PseudoTerminal pty;
    private final IdCardReaderSimulator simulator;
    private final Ga467Module module;

    private SimulatedReaderLink(PseudoTerminal pty, IdCardReaderSimulator simulator, Ga467Module module) {
        this.pty = pty;
        this.simulator = simulator;
        this.module = module;
    }

    public static SimulatedReaderLink start(SimScenario scenario, SyntheticCard card) throws IOException {
        PseudoTerminal pty = PseudoTerminal.open();
        IdCardReaderSimulator simulator = new IdCardReaderSimulator(pty.master(), scenario, card).start();
        Ga467Module module = new Ga467Module(SerialTransport.of(pty.slavePath(), 115_200), 115_200);
        return new SimulatedReaderLink(pty, simulator, module);
    }

    /** The simulator, so a demo can place and remove cards or switch scenarios. */
    public IdCardReaderSimulator simulator() {
        return simulator;
    }

    @Override
    public void open() throws IOException {
        module.open();
    }

    @Override
    public boolean isOpen() {
        return module.isOpen();
    }

    @Override
    public void checkStatus() throws IOException {
        module.checkStatus();
    }

    @Override
    public boolean findCard() throws IOException {
        return module.findCard();
    }

    @Override
    public void selectCard() throws IOException {
        module.selectCard();
    }

    @Override
    public CardBlocks readCard() throws IOException {
        return module.readCard();
    }

    @Override
    public String describe() {
        return "ga467 simulator (" + simulator.scenario().cliName() + ") on " + pty.slavePath();
    }

    @Override
    public void close() {
        module.close();
    }

    /** Stops the simulator and removes the pty. */
    @Override
    public void dispose() {
        module.close();
        simulator.close();
        pty.close();
    }
}
