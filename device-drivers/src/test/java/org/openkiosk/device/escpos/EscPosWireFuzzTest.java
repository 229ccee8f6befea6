package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.io.IOException;
import java.time.Duration;
import org.openkiosk.device.escpos.sim.EscPosDecoder;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.Transport;

/**
 * Coverage-guided fuzzing (Jazzer) of what a receipt printer sends back — the DLE EOT and GS r status replies,
 * read the way {@link StatusQuery} reads them from the line — and of the ESC/POS stream decoder the simulator
 * and the tests use. Seed corpus: {@code src/test/resources/org/openkiosk/device/escpos/EscPosWireFuzzTestInputs/}.
 * Allowed outcomes: a status, or {@link EscPosProtocolException} / {@link ReadTimeoutException} with a message.
 */
@Tag("fuzz")
class EscPosWireFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void statusReplies(FuzzedDataProvider data) throws IOException {
        boolean paperSensor = data.consumeBoolean();
        Transport printer = new RepliesOnTheLine(data.consumeRemainingAsBytes());
        try {
            if (paperSensor) {
                assertThat(StatusQuery.awaitPaperSensor(printer, Duration.ofSeconds(5))).isNotNull();
            } else {
                assertThat(StatusQuery.query(printer, Duration.ofSeconds(5))).isNotNull();
            }
        } catch (EscPosProtocolException | ReadTimeoutException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void printerStream(byte[] stream) {
        try {
            EscPosDecoder.decodeAll(stream);
        } catch (EscPosProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /**
     * The printer's side of a serial line holding these bytes: each read gets the next byte; once they are used
     * up the line stays silent, which a real line reports as a read timeout (given at once here, no waiting).
     */
    private static final class RepliesOnTheLine implements Transport {
        private final byte[] bytes;
        private int next;

        RepliesOnTheLine(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void open() {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) throws ReadTimeoutException {
            if (next >= bytes.length) {
                throw new ReadTimeoutException("no more replies on the line");
            }
            int n = Math.min(length, bytes.length - next);
            System.arraycopy(bytes, next, buffer, offset, n);
            next += n;
            return n;
        }

        @Override
        public void write(byte[] data) {
            // the queries go to a printer that has already answered
        }

        @Override
        public void discardInput() {
            // the replies are what the printer sends after the query, nothing stale to drop
        }

        @Override
        public String describe() {
            return "fuzzed replies";
        }

        @Override
        public void close() {
        }
    }
}
