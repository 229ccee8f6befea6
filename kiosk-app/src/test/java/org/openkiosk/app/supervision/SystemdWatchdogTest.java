package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.ui.testing.FxShell;

/**
 * The watchdog against a real unix datagram socket playing systemd and the real JavaFX thread (headless Monocle):
 * READY and pings arrive; a frozen JavaFX thread or device loop stops the pings and says why; pings resume once
 * the thread answers again. Time for the stuck check is a hand-moved monotonic clock.
 */
class SystemdWatchdogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeAll
    static void javaFx() {
        FxShell.toolkit();
    }

    @Test
    void readyThenPingsAtHalfTheWatchdogTimeout() throws Exception {
        try (FakeSystemdSocket systemd = FakeSystemdSocket.atPath(tmp)) {
            // WATCHDOG_USEC=2 s: pings every second from the real timer, the real clock and the real JavaFX thread
            ServiceManager manager = ServiceManager.fromEnvironment(
                    Map.of("NOTIFY_SOCKET", systemd.address(), "WATCHDOG_USEC", "2000000"), 1);
            try (KioskSupervision supervision = new KioskSupervision(manager, System::nanoTime)) {
                supervision.started("serving", Platform::runLater, Optional::empty);
                assertThat(systemd.receive(WAIT)).contains("READY=1\nSTATUS=serving");
                for (int i = 0; i < 3; i++) {
                    assertThat(systemd.receive(WAIT)).contains("WATCHDOG=1");
                }
            }
            assertThat(systemd.await("STOPPING=1", WAIT)).contains("STATUS=stopping");
        }
    }

    @Test
    void aFrozenJavaFxThreadStopsThePingsUntilItAnswersAgain() throws Exception {
        try (FakeSystemdSocket systemd = FakeSystemdSocket.atPath(tmp)) {
            SystemdWatchdog watchdog = watchdog(systemd, Optional::empty);
            CountDownLatch frozen = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Platform.runLater(() -> { // a screen doing something it must never do on this thread
                frozen.countDown();
                await(release);
            });
            assertThat(frozen.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                assertThat(watchdog.tick()).isTrue(); // probe posted, not yet overdue
                assertThat(systemd.receive(WAIT)).contains("WATCHDOG=1");

                nanos.addAndGet(TIMEOUT.plusSeconds(1).toNanos());
                assertThat(watchdog.tick()).isFalse();
                assertThat(systemd.receive(WAIT)).hasValueSatisfying(m -> assertThat(m)
                        .isEqualTo("STATUS=stuck: the JavaFX thread has not answered for 31 s"));
                for (int i = 0; i < 3; i++) {
                    nanos.addAndGet(TIMEOUT.dividedBy(2).toNanos());
                    assertThat(watchdog.tick()).isFalse();
                }
            } finally {
                release.countDown();
            }
            List<String> whileFrozen = systemd.drain();
            assertThat(whileFrozen).noneMatch(m -> m.contains("WATCHDOG=1"));

            assertThat(tickUntilPinged(watchdog)).isTrue();
            assertThat(systemd.await("WATCHDOG=1", WAIT)).isEqualTo("WATCHDOG=1");
        }
    }

    @Test
    void aStuckDeviceLoopStopsThePingsToo() throws Exception {
        ExecutorService deviceLoop = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        deviceLoop.execute(() -> await(release)); // a recovery pass that never returns
        try (FakeSystemdSocket systemd = FakeSystemdSocket.atPath(tmp)) {
            SystemdWatchdog watchdog = watchdog(systemd, () -> Optional.of(deviceLoop));
            assertThat(watchdog.tick()).isTrue();
            fxQueueDrained(); // the JavaFX probe has answered: only the device loop is stuck
            nanos.addAndGet(TIMEOUT.plusSeconds(5).toNanos());
            assertThat(watchdog.tick()).isFalse();
            assertThat(systemd.await("STATUS=stuck", WAIT)).contains("the device loop has not answered for 35 s")
                    .doesNotContain("JavaFX");
            release.countDown();
            assertThat(tickUntilPinged(watchdog)).isTrue();
            assertThat(systemd.await("STATUS=serving again", WAIT)).contains("the device loop");
        } finally {
            release.countDown();
            deviceLoop.shutdownNow();
        }
    }

    @Test
    void aRuntimeBeingReplacedIsNotMistakenForAStuckLoop() throws Exception {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        try (FakeSystemdSocket systemd = FakeSystemdSocket.atPath(tmp)) {
            SystemdWatchdog watchdog = watchdog(systemd, () -> Optional.of(closed));
            for (int i = 0; i < 3; i++) {
                nanos.addAndGet(TIMEOUT.toNanos());
                assertThat(tickUntilPinged(watchdog)).isTrue();
            }
        }
    }

    /** Waits until everything posted to the JavaFX thread so far has run (its queue is first in, first out). */
    private static void fxQueueDrained() throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        Platform.runLater(drained::countDown);
        assertThat(drained.await(30, TimeUnit.SECONDS)).as("the JavaFX thread runs").isTrue();
    }

    private SystemdWatchdog watchdog(FakeSystemdSocket systemd,
                                     java.util.function.Supplier<Optional<java.util.concurrent.Executor>> deviceLoop) {
        ServiceManager manager = ServiceManager.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.address()), 1);
        return new KioskSupervision(manager, nanos::get).watchdog(TIMEOUT, Platform::runLater, deviceLoop);
    }

    /** Ticks (without moving the clock) until a tick pings: the probes' answers arrive asynchronously. */
    private static boolean tickUntilPinged(SystemdWatchdog watchdog) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (watchdog.tick()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
