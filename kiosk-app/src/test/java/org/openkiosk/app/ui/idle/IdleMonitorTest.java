package org.openkiosk.app.ui.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.MutableClock;

class IdleMonitorTest {

    private final MutableClock clock = MutableClock.shanghai();

    @Test
    void warnsAfterTheTimeoutAndExpiresAfterTheWarning() {
        IdleMonitor monitor = new IdleMonitor(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(59));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
        assertThat(monitor.secondsLeft()).isEqualTo(30);
        clock.advance(Duration.ofMillis(29_500));
        assertThat(monitor.secondsLeft()).isEqualTo(1);
        clock.advance(Duration.ofMillis(500));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.EXPIRED);
        assertThat(monitor.secondsLeft()).isZero();
    }

    @Test
    void activityRestartsTheTimer() {
        IdleMonitor monitor = new IdleMonitor(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(70));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
        monitor.activity();
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        clock.advance(Duration.ofSeconds(59));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
    }

    @Test
    void aWarningShorterThanTwentySecondsIsRaisedToTwenty() {
        IdleMonitor monitor = new IdleMonitor(clock, Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(monitor.warning()).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(10));
        assertThat(monitor.secondsLeft()).isEqualTo(20);
    }
}
