package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.MutableClock;

/** The nightly restart happens once, at the quiet hour, never while someone is served, never right after a start. */
class NightlyRestartTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-12-02 03:00 in Shanghai
    private final MutableClock wall = new MutableClock(Instant.parse("2026-12-01T19:00:00Z"), SHANGHAI);
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final AtomicInteger restarts = new AtomicInteger();

    private NightlyRestart at(String time) {
        NightlyRestart r = new NightlyRestart(LocalTime.parse(time), wall, nanos::get, idle::get, restarts::incrementAndGet);
        nanos.addAndGet(Duration.ofDays(1).toNanos()); // the kiosk has been up since yesterday
        return r;
    }

    private void minutes(long n) {
        wall.advance(Duration.ofMinutes(n));
        nanos.addAndGet(Duration.ofMinutes(n).toNanos());
    }

    @Test
    void restartsOnceAtTheQuietHour() {
        NightlyRestart restart = at("03:30");
        assertThat(restart.tick()).isFalse();
        minutes(29);
        assertThat(restart.tick()).isFalse();
        minutes(1);
        assertThat(restart.tick()).isTrue();
        minutes(1);
        assertThat(restart.tick()).isFalse();
        assertThat(restarts).hasValue(1);
    }

    @Test
    void waitsForTheCitizenToFinishWithinTheWindow() {
        NightlyRestart restart = at("03:00");
        idle.set(false);
        assertThat(restart.tick()).isFalse();
        minutes(20);
        assertThat(restart.tick()).isFalse();
        idle.set(true);
        minutes(1);
        assertThat(restart.tick()).isTrue();
    }

    @Test
    void skipsTheNightWhenTheKioskWasBusyForTheWholeWindow() {
        NightlyRestart restart = at("03:00");
        idle.set(false);
        for (int i = 0; i < 60; i++) {
            assertThat(restart.tick()).isFalse();
            minutes(1);
        }
        idle.set(true);
        assertThat(restart.tick()).isFalse();
        assertThat(restarts).hasValue(0);
    }

    @Test
    void aKioskStartedInTheWindowDoesNotRestartAgain() {
        NightlyRestart fresh = new NightlyRestart(LocalTime.parse("02:55"), wall, nanos::get, idle::get,
                restarts::incrementAndGet);
        for (int i = 0; i < 60; i++) {
            assertThat(fresh.tick()).isFalse();
            minutes(1);
        }
        assertThat(restarts).hasValue(0);
    }

    @Test
    void aBadTimeOnTheCommandLineIsAUsageErrorNotARestartLoop() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = org.openkiosk.app.cli.KioskCommand.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int exit = cli.execute("run", "--check", "--nightly-restart", "3h");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--nightly-restart: expected a local time such as 03:30, got 3h");
    }

    @Test
    void aWindowAcrossMidnightWorks() {
        wall.advance(Duration.ofHours(-3).minusMinutes(10)); // 23:50
        NightlyRestart restart = at("23:45");
        assertThat(restart.tick()).isTrue();
    }
}
