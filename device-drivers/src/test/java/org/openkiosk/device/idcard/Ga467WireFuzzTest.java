package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of what an ID card reader sends: the GA 467 frame reader, fed in pieces the
 * fuzzer chooses, and the reply and text-block parsers behind it. In {@code mvn verify} it replays the seed
 * corpus in {@code src/test/resources/org/openkiosk/device/idcard/Ga467WireFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (docs/fuzzing.md). Allowed outcomes: frames whose checksum holds, or the typed
 * {@link Ga467ProtocolException} / {@link IdCardFormatException} — nothing else, and no endless output.
 */
@Tag("fuzz")
class Ga467WireFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void frameStream(FuzzedDataProvider data) {
        Ga467FrameReader reader = new Ga467FrameReader();
        while (data.remainingBytes() > 0) {
            byte[] piece = data.consumeBytes(1 + data.consumeInt(0, 700));
            reader.feed(piece, 0, piece.length);
            drain(reader);
        }
        assertThat(reader.pendingBytes()).isLessThanOrEqualTo(Ga467Frame.HEADER_LENGTH + Ga467Frame.MAX_LEN + 700);
    }

    /** Odd lengths are read as a 30 10 reply (with fingerprints), even ones as 30 01, so both layouts get inputs. */
    @FuzzTest(maxDuration = "60s")
    void readReply(byte[] replyData) {
        try {
            Ga467Module.parseRead(replyData, replyData.length % 2 == 1).toIdCard();
        } catch (Ga467ProtocolException | IdCardFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void drain(Ga467FrameReader reader) {
        for (int guard = 0; guard < 10_000; guard++) {
            Optional<Ga467Frame> frame;
            try {
                frame = reader.next();
            } catch (Ga467ProtocolException expected) {
                continue;
            }
            if (frame.isEmpty()) {
                return;
            }
            byte[] encoded = frame.get().encode();
            assertThat(Ga467Frame.checksum(frame.get().len(), frame.get().payload(), 0, frame.get().payloadLength()))
                    .isEqualTo(encoded[encoded.length - 1] & 0xFF);
        }
        throw new AssertionError("the reader kept producing results from finite input");
    }
}
