package org.openkiosk.app.ui.screens.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.MutableClock;

class TapCounterTest {

    private final MutableClock clock = MutableClock.shanghai();
    private final TapCounter counter = new TapCounter(clock, 5, Duration.ofSeconds(3));

    @Test
    void fiveTapsWithinThreeSecondsFireOnceThenItStartsOver() {
        for (int i = 0; i < 4; i++) {
            assertThat(counter.tap()).isFalse();
            clock.advance(Duration.ofMillis(700));
        }
        assertThat(counter.tap()).as("5th tap at 2.8 s").isTrue();
        assertThat(counter.tap()).as("a 6th tap starts a new count").isFalse();
    }

    @Test
    void slowTapsNeverFire() {
        for (int i = 0; i < 10; i++) {
            assertThat(counter.tap()).isFalse();
            clock.advance(Duration.ofMillis(800));
        }
    }
}
