package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.SerialTransport;

/**
 * Random and mutated input for the frame reader and the reply parser: the only failures allowed are the typed
 * protocol/format errors (and a read timeout over a link) — never another exception, never a hang.
 *
 * <p>The in-memory tests run a few thousand rounds in every build; a long run gives each of them
 * {@code -Dfuzz.runs=N} rounds (docs/fuzzing.md), the time limit growing with the rounds. The round over a real
 * pseudo-terminal waits up to 150 ms per reply and keeps its 40 rounds.
 */
class Ga467FrameReaderFuzzTest {

    private static final long SEED = 20261122L;
    /** The rounds of a long run ({@code -Dfuzz.runs}), or 0 for the build's own counts. */
    private static final int LONG_RUN = Integer.getInteger("fuzz.runs", 0);

    @Test
    void randomBytes() {
        int rounds = rounds(300);
        assertTimeoutPreemptively(timeLimit(10, 300, rounds), () -> {
            Random random = new Random(SEED);
            for (int round = 0; round < rounds; round++) {
                byte[] noise = new byte[random.nextInt(3000)];
                random.nextBytes(noise);
                if (random.nextBoolean()) {
                    // sprinkle preambles so that the LEN/CHK paths are exercised, not only the search
                    for (int i = 0; i + 5 < noise.length; i += 1 + random.nextInt(200)) {
                        System.arraycopy(Ga467Frame.PREAMBLE, 0, noise, i, 5);
                    }
                }
                drain(feedInPieces(new Ga467FrameReader(), noise, random));
            }
        });
    }

    @Test
    void mutatedValidFrames() {
        int rounds = rounds(2000);
        assertTimeoutPreemptively(timeLimit(10, 2000, rounds), () -> {
            Random random = new Random(SEED + 1);
            byte[][] valid = {
                    Fixtures.readReply(),
                    Ga467Frame.response(0x9F, new byte[4]).encode(),
                    Ga467Frame.response(0x80).encode(),
                    IdCardReaderSimulator.readReply(SyntheticCards.foreigner2017(), true).encode(),
                    Ga467Command.FIND_CARD.frame().encode()
            };
            for (int round = 0; round < rounds; round++) {
                byte[] frame = valid[random.nextInt(valid.length)].clone();
                byte[] mutated = mutate(frame, random);
                Ga467FrameReader reader = new Ga467FrameReader();
                feedInPieces(reader, mutated, random);
                // whatever it yields must be a frame whose checksum holds: re-encoding gives the same bytes
                for (int i = 0; i < 10; i++) {
                    Optional<Ga467Frame> next;
                    try {
                        next = reader.next();
                    } catch (Ga467ProtocolException expected) {
                        continue;
                    }
                    if (next.isEmpty()) {
                        break;
                    }
                    parseLikeTheDriver(next.get());
                }
            }
        });
    }

    @Test
    void mutatedRepliesOverARealPty() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(SEED + 2);
            try (PseudoTerminal pty = PseudoTerminal.open();
                    SerialTransport serial = SerialTransport.of(pty.slavePath(), 115200)) {
                serial.open();
                Ga467FrameReader reader = new Ga467FrameReader();
                for (int round = 0; round < 40; round++) {
                    pty.master().write(mutate(Fixtures.readReply(), random));
                    try {
                        parseLikeTheDriver(reader.read(serial, Duration.ofMillis(150)));
                    } catch (Ga467ProtocolException | ReadTimeoutException expected) {
                        // typed, bounded failures are the contract
                    }
                    reader.clear();
                    serial.discardInput();
                }
            }
        });
    }

    @Test
    void randomTextBlocks() {
        int rounds = rounds(5000);
        assertTimeoutPreemptively(timeLimit(10, 5000, rounds), () -> {
            Random random = new Random(SEED + 3);
            char[] markers = {' ', 'J', 'Y', 'I', 'Q'};
            for (int round = 0; round < rounds; round++) {
                byte[] text = SyntheticCards.of(CardType.values()[random.nextInt(4)]).text();
                for (int i = 0, n = random.nextInt(12); i < n; i++) {
                    text[random.nextInt(248)] = (byte) random.nextInt(256);
                }
                text[248] = (byte) markers[random.nextInt(markers.length)];
                try {
                    IdCardTextParser.parse(text, null);
                } catch (IdCardFormatException expected) {
                    // typed
                }
            }
        });
    }

    private static int rounds(int inEveryBuild) {
        return LONG_RUN > 0 ? LONG_RUN : inEveryBuild;
    }

    /** The build's limit for its own rounds, scaled to a long run's rounds. */
    private static Duration timeLimit(int seconds, int inEveryBuild, int rounds) {
        return Duration.ofSeconds(seconds).multipliedBy(Math.max(1, (rounds + inEveryBuild - 1) / inEveryBuild));
    }

    private static void parseLikeTheDriver(Ga467Frame frame) {
        assertThat(Ga467Frame.checksum(frame.len(), frame.payload(), 0, frame.payloadLength()))
                .isEqualTo(frame.encode()[frame.encode().length - 1] & 0xFF);
        if (frame.payloadLength() < 3 || frame.sw3() != 0x90) {
            return;
        }
        try {
            Ga467Module.parseRead(frame.replyData(), false).toIdCard();
        } catch (Ga467ProtocolException | IdCardFormatException expected) {
            // typed
        }
    }

    private static byte[] mutate(byte[] frame, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> { // flip bits
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
                }
                out.writeBytes(frame);
            }
            case 1 -> out.write(frame, 0, random.nextInt(frame.length)); // truncated
            case 2 -> { // garbage before and after
                byte[] g = new byte[random.nextInt(50)];
                random.nextBytes(g);
                out.writeBytes(g);
                out.writeBytes(frame);
                out.writeBytes(g);
            }
            case 3 -> { // the LEN field replaced
                frame[5] = (byte) random.nextInt(256);
                frame[6] = (byte) random.nextInt(256);
                out.writeBytes(frame);
            }
            case 4 -> { // a byte dropped in the middle
                int drop = random.nextInt(frame.length);
                out.write(frame, 0, drop);
                out.write(frame, drop + 1, frame.length - drop - 1);
            }
            default -> { // text block bytes scrambled with a valid checksum recomputed
                for (int i = 0; i < 8 && frame.length > 300; i++) {
                    frame[14 + random.nextInt(256)] = (byte) random.nextInt(256);
                }
                if (frame.length > 300) {
                    int len = ((frame[5] & 0xFF) << 8) | (frame[6] & 0xFF);
                    frame[frame.length - 1] = (byte) Ga467Frame.checksum(len, frame, 7, len - 1);
                }
                out.writeBytes(frame);
            }
        }
        return out.toByteArray();
    }

    private static Ga467FrameReader feedInPieces(Ga467FrameReader reader, byte[] bytes, Random random) {
        int off = 0;
        while (off < bytes.length) {
            int n = Math.min(bytes.length - off, 1 + random.nextInt(700));
            reader.feed(bytes, off, n);
            off += n;
        }
        return reader;
    }

    private static void drain(Ga467FrameReader reader) {
        for (int guard = 0; guard < 10_000; guard++) {
            try {
                if (reader.next().isEmpty()) {
                    return;
                }
            } catch (Ga467ProtocolException expected) {
                // typed; keep going
            }
        }
        fail("the reader kept producing results from finite input");
    }
}
