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

    @Test
    void idleTimeDoesNotRunWhileTheKioskWorksForTheCitizen() {
        IdleMonitor monitor = new IdleMonitor(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(50));
        // a certificate job may take its full 120 s while the citizen waits without touching
        for (int s = 0; s < 120; s += 10) {
            monitor.workInProgress(true);
            assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
            clock.advance(Duration.ofSeconds(10));
        }
        monitor.workInProgress(false);
        // the timer starts again when the work ends
        clock.advance(Duration.ofSeconds(59));
        monitor.workInProgress(false);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
    }

    @Test
    void aHungJobHoldsTheTimerAtMostFiveMinutes() {
        IdleMonitor monitor = new IdleMonitor(clock, Duration.ofSeconds(60), Duration.ofSeconds(30));
        for (int s = 0; s <= IdleMonitor.MAX_WORK_HOLD.toSeconds() + 90; s += 10) {
            monitor.workInProgress(true);
            clock.advance(Duration.ofSeconds(10));
        }
        monitor.workInProgress(true);
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.EXPIRED);
    }

    @Test
    void elapsedTimeIsMonotonicNotTheWallClock() {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(-5_000_000_000L);
        IdleMonitor monitor = new IdleMonitor(nanos::get, Duration.ofSeconds(60), Duration.ofSeconds(30));
        // the wall clock jumping a day back or forth changes nothing: only elapsed nanoseconds count
        clock.advance(Duration.ofDays(1));
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(monitor.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
        assertThat(monitor.secondsLeft()).isEqualTo(30);
    }
}
