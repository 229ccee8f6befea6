package org.openkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanLineFramerTest {

    @Test
    void codesArriveWhateverThePiecesAndEmptyLinesAreDropped() {
        ScanLineFramer framer = new ScanLineFramer("\r\n", StandardCharsets.UTF_8, 64);
        byte[] stream = "NCR-2026-1\r\n证明-2\r".getBytes(StandardCharsets.UTF_8);
        assertThat(framer.feed(stream, 0, 5)).isEmpty();
        assertThat(framer.feed(stream, 5, stream.length - 5)).containsExactly("NCR-2026-1", "证明-2");
    }

    @Test
    void aCodeThatIsNotTextInTheCharsetIsRefusedWithWhereButNotWhat() {
        ScanLineFramer framer = new ScanLineFramer("\r", StandardCharsets.UTF_8, 64);
        byte[] stream = {'O', 'K', '\r', 'A', (byte) 0xFF, 'B', '\r', 'C', '\r'};
        assertThat(framer.feed(stream, 0, stream.length)).containsExactly("OK", "C");
        assertThat(framer.takeProblems()).containsExactly(
                "code of 3 bytes at stream bytes 3-5: expected UTF-8 text, found bytes that are not; refused");
        assertThat(framer.takeProblems()).isEmpty();
    }

    @Test
    void noiseLongerThanTheMaximumIsDiscardedAndCounted() {
        ScanLineFramer framer = new ScanLineFramer("\r", StandardCharsets.UTF_8, 4);
        byte[] stream = "1234567890\rAB\r".getBytes(StandardCharsets.US_ASCII);
        assertThat(framer.feed(stream, 0, stream.length)).containsExactly("AB");
        assertThat(framer.takeOverflows()).isEqualTo(2); // 1234|5 and 6789|0: each time the limit is passed
        assertThat(framer.takeOverflows()).isZero();
    }
}
