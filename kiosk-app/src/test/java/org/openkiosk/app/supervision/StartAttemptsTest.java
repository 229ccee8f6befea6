package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.ui.testing.MutableClock;

/** The start-attempts record in the data directory decides when the kiosk is in a crash loop. */
class StartAttemptsTest {

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.shanghai();
    private StartAttempts attempts;

    @org.junit.jupiter.api.BeforeEach
    void record() {
        attempts = new StartAttempts(data, clock, Duration.ofMinutes(10), 3);
    }

    @Test
    void theFourthStartWithinTheWindowIsACrashLoop() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.recordStart()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(attempts.recordStart()).contains(3);
        assertThat(Files.readAllLines(attempts.file())).hasSize(4);
    }

    @Test
    void startsOlderThanTheWindowDoNotCount() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.recordStart()).isEmpty();
            clock.advance(Duration.ofMinutes(4));
        }
        // the first start is now 12 minutes old
        assertThat(attempts.recordStart()).isEmpty();
    }

    @Test
    void aStartThatStayedUpClearsTheRecord() throws Exception {
        for (int i = 0; i < 3; i++) {
            attempts.recordStart();
        }
        attempts.clear();
        assertThat(attempts.recordStart()).isEmpty();
    }

    @Test
    void theLoopCalmsDownAfterAQuietWindow() throws Exception {
        for (int i = 0; i < 4; i++) {
            attempts.recordStart();
        }
        clock.advance(Duration.ofMinutes(9));
        assertThat(attempts.quietSinceLastStart()).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(attempts.quietSinceLastStart()).isTrue();
    }

    @Test
    void aClockSetBackCannotHideTheLoop() throws Exception {
        for (int i = 0; i < 3; i++) {
            attempts.recordStart();
        }
        clock.advance(Duration.ofHours(-2));
        assertThat(attempts.recordStart()).contains(3);
    }

    @Test
    void aLineCutByAPowerLossIsIgnored() throws Exception {
        Files.writeString(attempts.file(), clock.millis() + "\n17x48\n");
        assertThat(attempts.recordStart()).isEmpty();
        assertThat(Files.readAllLines(attempts.file())).hasSize(2);
    }
}
