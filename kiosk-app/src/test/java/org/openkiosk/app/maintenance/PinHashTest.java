package org.openkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PinHashTest {

    @Test
    void aHashVerifiesItsPinAndNoOther() {
        PinHash hash = PinHash.create("482913".toCharArray(), PinHash.MIN_ITERATIONS);
        PinHash stored = PinHash.parse(hash.encoded());

        assertThat(stored.matches("482913".toCharArray())).isTrue();
        assertThat(stored.matches("482914".toCharArray())).isFalse();
        assertThat(stored.matches("".toCharArray())).isFalse();
        assertThat(stored.encoded()).startsWith("pbkdf2-sha256$10000$").doesNotContain("482913");
    }

    @Test
    void theSameDigitsHashDifferentlyBecauseOfTheSalt() {
        String a = PinHash.create("123456".toCharArray(), PinHash.MIN_ITERATIONS).encoded();
        String b = PinHash.create("123456".toCharArray(), PinHash.MIN_ITERATIONS).encoded();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theDefaultCostIsUsedForNewPins() {
        assertThat(PinHash.create("123456".toCharArray()).iterations()).isEqualTo(PinHash.DEFAULT_ITERATIONS);
    }

    @Test
    void badPinsAndBadStoredFormsAreRefusedWithTheirCause() {
        assertThatThrownBy(() -> PinHash.create("1234".toCharArray())).hasMessageContaining("6 to 12 digits");
        assertThatThrownBy(() -> PinHash.create("12345a".toCharArray())).hasMessageContaining("digits only");
        assertThatThrownBy(() -> PinHash.parse("md5$abc")).hasMessageContaining("pbkdf2-sha256$ITERATIONS$SALT$HASH");
        assertThatThrownBy(() -> PinHash.parse("pbkdf2-sha256$100$AAAAAAAAAAA=$AAAA")).hasMessageContaining("below");
        assertThatThrownBy(() -> PinHash.parse("pbkdf2-sha256$20000$!!$AAAA")).hasMessageContaining("Base64");
    }

    @Test
    void aPinFromStdinLosesItsLineEnd() {
        assertThat(PinHash.pinFromBytes("123456\r\n".getBytes(StandardCharsets.UTF_8))).containsExactly("123456".toCharArray());
    }
}
