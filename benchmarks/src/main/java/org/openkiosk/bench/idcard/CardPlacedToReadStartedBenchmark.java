package org.openkiosk.bench.idcard;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.idcard.Ga467Module;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;

/**
 * Latency from the moment a card is placed to the moment the read command (30 01) reaches the module, with the
 * polling {@link IdCardReader} (find every {@code pollMs}) over a pty against the simulator paced at 115200 baud.
 * Cards are placed at a random phase of the polling cycle. Expected: about half a poll interval plus find and
 * select on the wire; the baseline is {@code pollMs / 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 10, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class CardPlacedToReadStartedBenchmark {

    @Param({"300"})
    public int pollMs;

    private PseudoTerminal pty;
    private IdCardReaderSimulator simulator;
    private IdCardReader reader;

    @Setup(Level.Trial)
    public void start() throws IOException, DeviceException {
        pty = PseudoTerminal.open();
        simulator = new IdCardReaderSimulator(pty.master(), SimScenario.NO_CARD, SyntheticCards.resident())
                .pacedAt(IdCardReadBenchmark.BAUD).start();
        reader = new IdCardReader("bench", new Ga467Module(SerialTransport.of(pty.slavePath(), IdCardReadBenchmark.BAUD),
                IdCardReadBenchmark.BAUD), new IdCardReader.Settings(Duration.ofMillis(pollMs), Duration.ofSeconds(1)));
        reader.open();
        reader.claim();
        reader.enable();
    }

    /** Take the card off, let the reader see that, then wait a random part of a poll cycle. */
    @Setup(Level.Invocation)
    public void cardOff() throws InterruptedException {
        simulator.removeCard();
        long finds = simulator.received("FIND_CARD");
        while (simulator.received("FIND_CARD") < finds + 2) {
            Thread.sleep(5);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(pollMs));
    }

    @Benchmark
    public long placeCardAndWaitForRead() throws InterruptedException {
        simulator.placeCard();
        long placed = simulator.cardPlacedNanos();
        while (simulator.readStartedNanos() == 0) {
            Thread.sleep(0, 200_000);
        }
        return simulator.readStartedNanos() - placed;
    }

    @TearDown(Level.Trial)
    public void stop() {
        reader.close();
        simulator.close();
        pty.close();
    }
}
