package org.openkiosk.bench.idcard;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.device.idcard.Ga467Command;
import org.openkiosk.device.idcard.Ga467Frame;
import org.openkiosk.device.idcard.Ga467Module;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.idcard.Sw3Status;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;

/**
 * One ID card read end to end (find + select + read + parse) over a real pty through jSerialComm, against the
 * simulator pacing its replies at 115200 baud like a UART. Baseline in the same run: only the paced transfer of
 * the same number of bytes (no protocol, no parsing). The physical floor, the wire time of all six frames, is
 * {@link #WIRE_BYTES} × 10 bits / 115200 = 118.0 ms.
 *
 * <p>Run: {@code java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openjdk.jmh.Main IdCardReadBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class IdCardReadBenchmark {

    static final int BAUD = 115_200;
    /** find 10+15, select 10+19, read 10+1295: every byte on the wire in both directions. */
    static final int WIRE_BYTES = wireBytes();

    private PseudoTerminal pty;
    private IdCardReaderSimulator simulator;
    private SerialTransport serial;
    private Ga467Module module;

    @Setup(Level.Trial)
    public void plugIn() throws IOException {
        pty = PseudoTerminal.open();
        simulator = new IdCardReaderSimulator(pty.master(), SimScenario.CARD_PRESENT, SyntheticCards.resident())
                .pacedAt(BAUD).start();
        serial = SerialTransport.of(pty.slavePath(), BAUD);
        module = new Ga467Module(serial, BAUD);
        module.open();
        module.checkStatus();
    }

    @TearDown(Level.Trial)
    public void unplug() {
        module.close();
        simulator.close();
        pty.close();
    }

    /** The full read as the driver does it. */
    @Benchmark
    public IdCard findSelectRead() throws IOException {
        if (!module.findCard()) {
            throw new IllegalStateException("the simulated card is not on the reader");
        }
        module.selectCard();
        return module.readCard().toIdCard();
    }

    /** Baseline: the same number of bytes through the same pty, paced the same way, without protocol work. */
    @Benchmark
    public int pacedTransferOnly() throws IOException {
        byte[] payload = new byte[WIRE_BYTES];
        long start = System.nanoTime();
        int chunk = BAUD / 10 / 1000;
        byte[] in = new byte[4096];
        int received = 0;
        for (int off = 0; off < payload.length; off += chunk) {
            int n = Math.min(chunk, payload.length - off);
            long due = start + (long) (off + n) * 10 * 1_000_000_000L / BAUD;
            while (System.nanoTime() < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
            pty.master().write(java.util.Arrays.copyOfRange(payload, off, off + n));
            received += serial.read(in, 0, in.length, Duration.ofMillis(1));
        }
        while (received < payload.length) {
            received += serial.read(in, 0, in.length, Duration.ofMillis(100));
        }
        return received;
    }

    private static int wireBytes() {
        int requests = 3 * Ga467Command.FIND_CARD.frame().encode().length;
        int findReply = Ga467Frame.response(Sw3Status.CARD_FOUND.code(), new byte[4]).encode().length;
        int selectReply = Ga467Frame.response(Sw3Status.OK.code(), new byte[8]).encode().length;
        int readReply = IdCardReaderSimulator.readReply(SyntheticCards.resident(), false).encode().length;
        return requests + findReply + selectReply + readReply;
    }

    /** The theoretical floor, for the report. */
    public static double wireMillis() {
        return WIRE_BYTES * 10 * 1000.0 / BAUD;
    }
}
