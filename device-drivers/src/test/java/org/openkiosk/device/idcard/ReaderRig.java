package org.openkiosk.device.idcard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SyntheticCard;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;

/**
 * A real kernel pty with the simulator on its master side and the production driver stack (SerialTransport →
 * Ga467Module → IdCardReader) on its slave side, at a stable link path so the "reader" can be unplugged and
 * plugged in again.
 */
final class ReaderRig implements AutoCloseable {

    final Path link;
    PseudoTerminal pty;
    IdCardReaderSimulator simulator;
    final IdCardReader reader;
    final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();

    ReaderRig(Path dir, SimScenario scenario) throws IOException {
        this(dir, scenario, SyntheticCards.resident());
    }

    ReaderRig(Path dir, SimScenario scenario, SyntheticCard card) throws IOException {
        link = dir.resolve("ttyIdReader");
        plugIn(scenario, card);
        SerialTransport serial = SerialTransport.of(link.toString(), 115200);
        reader = new IdCardReader("idReader", new Ga467Module(serial, 115200),
                new IdCardReader.Settings(Duration.ofMillis(50), Duration.ofMillis(100)));
        reader.addListener(events::add);
    }

    /** A new pty (a re-plugged reader) with a fresh simulator, at the same path. */
    void plugIn(SimScenario scenario, SyntheticCard card) throws IOException {
        pty = PseudoTerminal.open(link);
        simulator = new IdCardReaderSimulator(pty.master(), scenario, card).lateAfterPolls(3).start();
    }

    void unplug() {
        simulator.close();
        pty.close();
    }

    /** The next event of the given type, skipping others; null on timeout. */
    <T extends DeviceEvent> T next(Class<T> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            DeviceEvent e = events.poll(left, TimeUnit.NANOSECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    IdCard nextCard(Duration timeout) throws InterruptedException {
        DeviceEvent.Data<?> data = next(DeviceEvent.Data.class, timeout);
        return data == null ? null : (IdCard) data.payload();
    }

    @Override
    public void close() {
        reader.close();
        unplug();
    }
}
