package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.idle.IdleMonitor;
import org.openkiosk.app.ui.testing.MutableClock;

/** Idle timeouts measured on the monotonic clock survive wall-clock jumps that would break them on the wall clock. */
class MonotonicClockTest {

    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    private final Instant start = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void movesOnlyWithElapsedTime() {
        MonotonicClock clock = new MonotonicClock(start, nanos::get, ZoneId.of("Asia/Shanghai"));
        assertThat(clock.instant()).isEqualTo(start);
        nanos.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(90));
        assertThat(clock.withZone(ZoneId.of("UTC")).instant()).isEqualTo(start.plusSeconds(90));
    }

    @Test
    void anNtpStepBackwardsDoesNotKeepASessionOpen() {
        // the bug this prevents: on the wall clock, an hour set back keeps the citizen's session open for an hour
        MutableClock wall = new MutableClock(start, ZoneId.of("Asia/Shanghai"));
        IdleMonitor onWall = new IdleMonitor(wall, Duration.ofSeconds(60), Duration.ofSeconds(30));
        wall.advance(Duration.ofHours(-1));
        wall.advance(Duration.ofSeconds(61));
        assertThat(onWall.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);

        IdleMonitor onMonotonic = new IdleMonitor(new MonotonicClock(start, nanos::get, ZoneId.of("Asia/Shanghai")),
                Duration.ofSeconds(60), Duration.ofSeconds(30));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos()); // the same 61 s that really passed
        assertThat(onMonotonic.phase()).isEqualTo(IdleMonitor.Phase.WARNING);
    }

    @Test
    void aForwardStepDoesNotEndASessionEarly() {
        MutableClock wall = new MutableClock(start, ZoneId.of("Asia/Shanghai"));
        IdleMonitor onWall = new IdleMonitor(wall, Duration.ofSeconds(60), Duration.ofSeconds(30));
        wall.advance(Duration.ofMinutes(10)); // a dead RTC battery corrected by NTP after boot
        assertThat(onWall.phase()).isEqualTo(IdleMonitor.Phase.EXPIRED);

        IdleMonitor onMonotonic = new IdleMonitor(new MonotonicClock(start, nanos::get, ZoneId.of("Asia/Shanghai")),
                Duration.ofSeconds(60), Duration.ofSeconds(30));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(onMonotonic.phase()).isEqualTo(IdleMonitor.Phase.ACTIVE);
    }
}
