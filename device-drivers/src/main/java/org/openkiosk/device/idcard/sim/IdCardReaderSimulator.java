package org.openkiosk.device.idcard.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openkiosk.device.idcard.Ga467Command;
import org.openkiosk.device.idcard.Ga467Frame;
import org.openkiosk.device.idcard.Ga467FrameReader;
import org.openkiosk.device.idcard.Ga467ProtocolException;
import org.openkiosk.device.idcard.Sw3Status;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module side of a GA 467 reader, wire-level: it reads request frames from a {@link Transport} (a pty master or
 * a TCP connection) and answers real reply frames according to a {@link SimScenario}. With a pacing baud rate it
 * writes replies no faster than a UART at that rate would, so timings measured against it are honest.
 */
public final class IdCardReaderSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdCardReaderSimulator.class);
    /** How much of the read reply gets out before the card is gone in {@link SimScenario#CARD_REMOVED_MID_READ}. */
    static final int CUT_AFTER_BYTES = 300;

    private final Transport link;
    private final Ga467FrameReader frames = new Ga467FrameReader();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final AtomicLong answeredNoCard = new AtomicLong();

    private volatile SimScenario scenario;
    private volatile SyntheticCard card;
    private volatile int pacingBaud;
    private volatile int lateAfterPolls = 3;
    private volatile long lateAfterNanos = -1;
    private volatile long scenarioStartNanos = System.nanoTime();
    private volatile boolean cardOnReader;
    private volatile boolean placementReadOnce;
    private volatile int findsWithoutCard;
    private volatile long cardPlacedNanos;
    private volatile long readStartedNanos;
    private volatile boolean running;
    private Thread thread;

    public IdCardReaderSimulator(Transport link, SimScenario scenario, SyntheticCard card) {
        this.link = link;
        this.card = card;
        setScenario(scenario);
    }

    /** Pace replies at this many baud (10 bits a byte); 0 writes as fast as the link takes them. */
    public IdCardReaderSimulator pacedAt(int baud) {
        this.pacingBaud = baud;
        return this;
    }

    /** For {@link SimScenario#CARD_LATE}: the card appears after this many find polls. */
    public IdCardReaderSimulator lateAfterPolls(int polls) {
        this.lateAfterPolls = polls;
        this.lateAfterNanos = -1;
        return this;
    }

    /** For {@link SimScenario#CARD_LATE}: the card appears at the first find this long after the scenario began. */
    public IdCardReaderSimulator lateAfter(Duration delay) {
        this.lateAfterNanos = delay.toNanos();
        return this;
    }

    public synchronized void setScenario(SimScenario next) {
        this.scenario = next;
        this.findsWithoutCard = 0;
        this.scenarioStartNanos = System.nanoTime();
        boolean present = next == SimScenario.CARD_PRESENT || next == SimScenario.CARD_REMOVED_MID_READ
                || next == SimScenario.CHECKSUM_ERROR;
        if (present) {
            placeCard();
        } else {
            removeCard();
            placementReadOnce = false;
        }
    }

    public SimScenario scenario() {
        return scenario;
    }

    public void setCard(SyntheticCard next) {
        this.card = next;
    }

    /**
     * How many find requests were answered "no card" so far. A host that got such an answer after
     * {@link #removeCard()} knows the card was gone, so a card placed after that is a new placement for it: a soak
     * waits for this instead of a fixed pause.
     */
    public long answeredNoCard() {
        return answeredNoCard.get();
    }

    /** Puts the card on the reader (a new placement: it will be read again). */
    public synchronized void placeCard() {
        cardOnReader = true;
        placementReadOnce = false;
        readStartedNanos = 0;
        cardPlacedNanos = System.nanoTime();
    }

    public synchronized void removeCard() {
        cardOnReader = false;
    }

    public boolean cardOnReader() {
        return cardOnReader;
    }

    /** {@link System#nanoTime()} when the current card was placed, 0 if never. */
    public long cardPlacedNanos() {
        return cardPlacedNanos;
    }

    /** {@link System#nanoTime()} when the first read command for the current placement arrived, 0 if none yet. */
    public long readStartedNanos() {
        return readStartedNanos;
    }

    /** How many requests of a kind arrived ({@code FIND_CARD}, {@code READ_TEXT_AND_PHOTO}, {@code other} …). */
    public long received(String command) {
        AtomicLong n = received.get(command);
        return n == null ? 0 : n.get();
    }

    public synchronized IdCardReaderSimulator start() {
        if (thread != null) {
            return this;
        }
        running = true;
        thread = new Thread(this::serve, "idcard-sim " + link.describe());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Serves on the calling thread until the link closes or {@link #close()} is called. */
    public void serve() {
        running = true;
        try {
            while (running) {
                Ga467Frame request;
                try {
                    request = frames.read(link, Duration.ofMillis(100));
                } catch (org.openkiosk.device.transport.ReadTimeoutException idle) {
                    continue;
                } catch (Ga467ProtocolException garbled) {
                    if (scenario != SimScenario.SILENT) {
                        send(Ga467Frame.response(Sw3Status.HOST_CHECKSUM_ERROR.code()).encode());
                    }
                    continue;
                }
                awaitRequestWireTime(request);
                answer(request);
            }
        } catch (DisconnectedException gone) {
            log.debug("simulator link closed: {}", gone.getMessage());
        } catch (IOException e) {
            log.warn("simulator stopped: {}", e.getMessage());
        } finally {
            running = false;
        }
    }

    /**
     * A pty delivers the host's request at once; a UART would take its wire time. When pacing, the module "finishes
     * receiving" only after that time, so both directions of an exchange cost what they would on a real link.
     */
    private void awaitRequestWireTime(Ga467Frame request) {
        int baud = pacingBaud;
        if (baud > 0) {
            long due = System.nanoTime() + (long) request.encode().length * 10 * 1_000_000_000L / baud;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void answer(Ga467Frame request) throws IOException {
        String name = Ga467Command.of(request).map(Enum::name)
                .orElse(request.cmd() == 0x60 ? "SET_BAUD" : request.cmd() == 0x61 ? "SET_RF_FRAME" : "other");
        received.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        SimScenario s = scenario;
        if (s == SimScenario.SILENT) {
            return;
        }
        if (s == SimScenario.MODULE_FAULT) {
            send(Ga467Frame.response(Sw3Status.SELF_TEST_FAILED.code()).encode());
            return;
        }
        switch (name) {
            case "RESET", "MODULE_STATUS", "SET_RF_FRAME" -> reply(Sw3Status.OK);
            case "SET_BAUD" -> reply(Sw3Status.OK);
            case "SAM_ID" -> reply(Sw3Status.OK, samId());
            case "FIND_CARD" -> find();
            case "SELECT_CARD" -> reply(cardOnReader ? Sw3Status.OK : Sw3Status.SELECT_FAILED, new byte[cardOnReader ? 8 : 0]);
            case "READ_TEXT_AND_PHOTO" -> read(false);
            case "READ_TEXT_PHOTO_FINGERPRINT" -> read(true);
            case "READ_APPENDED_ADDRESS" -> reply(cardOnReader ? Sw3Status.NO_CONTENT : Sw3Status.READ_FAILED);
            default -> reply(Sw3Status.BAD_COMMAND);
        }
    }

    private void find() throws IOException {
        if (scenario == SimScenario.CARD_LATE && !cardOnReader && !placementReadOnce) {
            findsWithoutCard++;
            boolean due = lateAfterNanos >= 0
                    ? System.nanoTime() - scenarioStartNanos >= lateAfterNanos
                    : findsWithoutCard > lateAfterPolls;
            if (due) {
                placeCard();
            }
        }
        if (cardOnReader) {
            reply(Sw3Status.CARD_FOUND, new byte[4]);
        } else {
            reply(Sw3Status.NO_CARD);
            answeredNoCard.incrementAndGet();
        }
    }

    private void read(boolean withFingerprints) throws IOException {
        if (!cardOnReader) {
            reply(Sw3Status.READ_FAILED);
            return;
        }
        if (readStartedNanos == 0) {
            readStartedNanos = System.nanoTime();
        }
        byte[] frame = readReply(card, withFingerprints).encode();
        boolean firstOfPlacement = !placementReadOnce;
        placementReadOnce = true;
        if (scenario == SimScenario.CARD_REMOVED_MID_READ) {
            removeCard();
            send(Arrays.copyOf(frame, CUT_AFTER_BYTES));
            return;
        }
        if (scenario == SimScenario.CHECKSUM_ERROR && firstOfPlacement) {
            frame[frame.length - 1] ^= 0x5A;
        }
        send(frame);
    }

    /** The reply a module gives for a card: lengths, 256 bytes of text, the photo (and an empty fingerprint block). */
    public static Ga467Frame readReply(SyntheticCard card, boolean withFingerprints) {
        byte[] text = card.text();
        byte[] photo = card.photo();
        int header = withFingerprints ? 6 : 4;
        byte[] data = new byte[header + text.length + photo.length];
        data[0] = (byte) (text.length >> 8);
        data[1] = (byte) text.length;
        data[2] = (byte) (photo.length >> 8);
        data[3] = (byte) photo.length;
        // for 30 10 the third length stays 00 00: synthetic cards carry no fingerprints
        System.arraycopy(text, 0, data, header, text.length);
        System.arraycopy(photo, 0, data, header + text.length, photo.length);
        return Ga467Frame.response(Sw3Status.OK.code(), data);
    }

    private static byte[] samId() {
        byte[] id = new byte[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = (byte) (0x10 + i);
        }
        return id;
    }

    private void reply(Sw3Status status, byte... data) throws IOException {
        send(Ga467Frame.response(status.code(), data).encode());
    }

    /** Writes at the pacing rate: in small chunks, each not before its wire time has come. */
    private void send(byte[] bytes) throws IOException {
        int baud = pacingBaud;
        if (baud <= 0) {
            link.write(bytes);
            return;
        }
        long start = System.nanoTime();
        int chunk = Math.max(1, baud / 10 / 1000); // about one millisecond of wire time per chunk
        for (int off = 0; off < bytes.length; off += chunk) {
            int n = Math.min(chunk, bytes.length - off);
            long due = start + (long) (off + n) * 10 * 1_000_000_000L / baud;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            link.write(Arrays.copyOfRange(bytes, off, off + n));
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops serving; the link stays open (close it to unplug). */
    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
