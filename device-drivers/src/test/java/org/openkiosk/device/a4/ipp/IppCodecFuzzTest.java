package org.openkiosk.device.a4.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of the IPP decoder (Jazzer). In {@code mvn verify} it replays its seed corpus
 * ({@code src/test/resources/org/openkiosk/device/a4/ipp/IppCodecFuzzTestInputs/}: answers captured from
 * ippeveprinter and our own requests) and every crash found so far; with {@code JAZZER_FUZZ=1} it fuzzes
 * (docs/fuzzing.md). The contract: any bytes either decode or give {@link IppFormatException} — no other
 * exception, no out-of-memory error, no hang — and whatever decodes re-encodes to bytes that decode to the same.
 */
@Tag("fuzz")
class IppCodecFuzzTest {

    private static final IppLimits SMALL = new IppLimits(64 * 1024, 2_000, 500, 4);

    @FuzzTest(maxDuration = "60s")
    void responses(byte[] data) {
        IppMessage message;
        try {
            message = IppCodec.decode(data, SMALL);
        } catch (IppFormatException expected) {
            assertThat(expected.getMessage()).startsWith("IPP message");
            return;
        }
        byte[] again = IppCodec.encode(message);
        assertThat(again).isEqualTo(data);
    }

    @FuzzTest(maxDuration = "60s")
    void requests(byte[] data) {
        try {
            IppCodec.Request request = IppCodec.decodeRequest(data, SMALL);
            byte[] head = IppCodec.encode(request.message());
            assertThat(head.length + request.document().length).isEqualTo(data.length);
        } catch (IppFormatException expected) {
            assertThat(expected.getMessage()).startsWith("IPP message");
        }
    }
}
