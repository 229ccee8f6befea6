package org.openkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyboardWedgeDecoderTest {

    private static final long MS = 1_000_000L;
    private final KeyboardWedgeDecoder decoder = new KeyboardWedgeDecoder();

    /** Types the text with a fixed gap between keys, starting at {@code t0}; returns what the decoder reported. */
    private List<String> type(String text, long t0, long gapNanos) {
        List<String> scans = new ArrayList<>();
        long t = t0;
        for (char c : text.toCharArray()) {
            decoder.keyTyped(c, t).ifPresent(scans::add);
            t += gapNanos;
        }
        return scans;
    }

    @Test
    void fastBurstEndedByEnterIsAScan() {
        assertThat(type("110105194912310021\r", 0, 4 * MS)).containsExactly("110105194912310021");
    }

    @Test
    void slowTypingIsNotAScanEvenWithEnter() {
        assertThat(type("A012\r", 0, 180 * MS)).isEmpty();
        // a quick typist (80 ms per key) is still far slower than a scanner
        assertThat(type("20261122\n", 10_000 * MS, 80 * MS)).isEmpty();
    }

    @Test
    void aShortFastBurstIsNotAScan() {
        // two keys pressed almost together and Enter: a person hitting keys, not a code
        assertThat(type("ab\r", 0, 5 * MS)).isEmpty();
    }

    @Test
    void pauseBeforeEnterMeansAPersonPressedIt() {
        List<String> scans = type("ABCDEFG", 0, 3 * MS);
        Optional<String> enter = decoder.keyTyped('\r', 3 * 7 * MS + 500 * MS);
        assertThat(scans).isEmpty();
        assertThat(enter).isEmpty();
    }

    @Test
    void humanKeysBeforeABurstAreNotPartOfTheCode() {
        type("xy", 0, 200 * MS);
        assertThat(type("QR-0042\r", 2_000 * MS, 5 * MS)).containsExactly("QR-0042");
    }

    @Test
    void controlCharactersInsideABurstAreStripped() {
        assertThat(type("]Q1\u001DABC\r", 0, 2 * MS)).containsExactly("]Q1ABC");
    }

    @Test
    void customTerminatorAndThresholds() {
        KeyboardWedgeDecoder tab = new KeyboardWedgeDecoder(Duration.ofMillis(10), 2, "\t");
        assertThat(tab.keyTyped('O', 0)).isEmpty();
        assertThat(tab.keyTyped('K', 5 * MS)).isEmpty();
        assertThat(tab.inBurst(6 * MS)).isTrue();
        assertThat(tab.keyTyped('\t', 9 * MS)).contains("OK");
        assertThat(tab.keyTyped('\r', 10 * MS)).isEmpty();
    }
}
