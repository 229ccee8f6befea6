package org.openkiosk.app.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.support.MutableClock;

/** Back-off and alarm on an injected clock. */
class AttemptLimiterTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
    final AttemptLimiter limiter = new AttemptLimiter(clock, "K-01", new AttemptLimiter.Settings(3,
            Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(4), 5));
    final List<AttemptLimiter.Alarm> alarms = new ArrayList<>();

    @Test
    void freeMissesThenADoublingBackOffUpToTheMaximum() {
        limiter.onAlarm(alarms::add);
        for (int i = 0; i < 3; i++) {
            limiter.checkAllowed(AttemptLimiter.Kind.TYPED_NUMBER);
            limiter.miss(AttemptLimiter.Kind.TYPED_NUMBER);
        }
        assertThatCode(() -> limiter.checkAllowed(AttemptLimiter.Kind.TYPED_NUMBER)).doesNotThrowAnyException();

        limiter.miss(AttemptLimiter.Kind.TYPED_NUMBER); // 4th: 30 s
        assertBlockedFor(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        limiter.checkAllowed(AttemptLimiter.Kind.TYPED_NUMBER);
        limiter.miss(AttemptLimiter.Kind.TYPED_NUMBER); // 5th: 60 s, and the alarm
        assertBlockedFor(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        limiter.miss(AttemptLimiter.Kind.TYPED_NUMBER); // 120 s
        assertBlockedFor(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(120));
        limiter.miss(AttemptLimiter.Kind.TYPED_NUMBER); // 240 s = the maximum
        clock.advance(Duration.ofSeconds(240));
        limiter.miss(AttemptLimiter.Kind.TYPED_NUMBER); // still 240 s
        assertBlockedFor(Duration.ofMinutes(4));

        assertThat(alarms).singleElement().satisfies(a -> {
            assertThat(a.kioskId()).isEqualTo("K-01");
            assertThat(a.kind()).isEqualTo(AttemptLimiter.Kind.TYPED_NUMBER);
            assertThat(a.misses()).isEqualTo(5);
            assertThat(a.blockedUntil()).isEqualTo(a.at().plusSeconds(60));
        });
        // slip codes are counted apart
        assertThatCode(() -> limiter.checkAllowed(AttemptLimiter.Kind.SLIP_CODE)).doesNotThrowAnyException();
    }

    @Test
    void aStreakEndsAWindowAfterItsLastMiss() {
        for (int i = 0; i < 3; i++) {
            limiter.miss(AttemptLimiter.Kind.SLIP_CODE);
            clock.advance(Duration.ofMinutes(9)); // each within the window of the previous one
        }
        assertThat(limiter.misses(AttemptLimiter.Kind.SLIP_CODE)).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.misses(AttemptLimiter.Kind.SLIP_CODE)).isZero();
        limiter.miss(AttemptLimiter.Kind.SLIP_CODE);
        assertThatCode(() -> limiter.checkAllowed(AttemptLimiter.Kind.SLIP_CODE)).doesNotThrowAnyException();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        try (AutoCloseable first = limiter.onAlarm(a -> {
            throw new IllegalStateException("fleet link down");
        }); AutoCloseable second = limiter.onAlarm(alarms::add)) {
            for (int i = 0; i < 5; i++) {
                limiter.miss(AttemptLimiter.Kind.SLIP_CODE);
            }
        }
        assertThat(alarms).hasSize(1);
        limiter.miss(AttemptLimiter.Kind.SLIP_CODE);
        assertThat(alarms).as("unsubscribed, and once per streak").hasSize(1);
    }

    private void assertBlockedFor(Duration expected) {
        assertThatThrownBy(() -> limiter.checkAllowed(AttemptLimiter.Kind.TYPED_NUMBER))
                .isInstanceOfSatisfying(AttemptsLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(expected));
    }
}
