package org.openkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of scanner input: the serial scanner's framing of its byte stream into codes,
 * in the pieces the fuzzer chooses, then the clean-up every code gets before it reaches a form. Seed corpus:
 * {@code src/test/resources/org/openkiosk/device/scanner/ScanLineFramerFuzzTestInputs/}. A code never holds a
 * terminator or a control character, never exceeds the maximum length, and is never
 * empty; what is refused is located in the stream.
 */
@Tag("fuzz")
class ScanLineFramerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void serialStream(FuzzedDataProvider data) {
        Charset charset = data.consumeBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        int maxLength = data.consumeInt(1, 64);
        ScanLineFramer framer = new ScanLineFramer("\r\n", charset, maxLength);
        while (data.remainingBytes() > 0) {
            byte[] piece = data.consumeBytes(1 + data.consumeInt(0, 100));
            for (String code : framer.feed(piece, 0, piece.length)) {
                // found by fuzzing: undecodable bytes became U+FFFD, 3-4 bytes each, and reached the form
                assertThat(code).isNotEmpty().doesNotContain("\r", "\n");
                assertThat(code.getBytes(charset).length).isLessThanOrEqualTo(maxLength);
                String clean = ScanText.stripControls(code);
                assertThat(clean.codePoints()).noneMatch(Character::isISOControl);
            }
            assertThat(framer.takeProblems()).allMatch(p -> p.contains("stream bytes") && p.contains("refused"));
        }
    }
}
