package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("language", "elderMode", "idleTimeout", "idleWarning", "uri");

    @Test
    void suggestsTheKeyWithinTheAllowedDistance() {
        assertThat(Suggestions.closest("langauge", KEYS)).contains("language"); // a transposition is one edit
        assertThat(Suggestions.closest("IdleTimeOut", KEYS)).contains("idleTimeout");
        assertThat(Suggestions.closest("ur", KEYS)).contains("uri"); // one letter shorter: length differs by 1
        assertThat(Suggestions.closest("elderModes", KEYS)).contains("elderMode");
        assertThat(Suggestions.closest("elderModeOn", KEYS)).contains("elderMode"); // 2 letters more, 3 allowed
    }

    @Test
    void aWordWhoseLengthDiffersByMoreThanTheAllowedDistanceGetsNoSuggestion() {
        assertThat(Suggestions.closest("u", KEYS)).isEmpty(); // "uri" is 2 edits away, 1 allowed
        assertThat(Suggestions.closest("language".repeat(1_000), KEYS)).isEmpty(); // a pasted line as a key
    }
}
