package org.openkiosk.app.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.testsupport.Poll;
import org.testfx.util.WaitForAsyncUtils;

class BackgroundWorkTest {

    @BeforeAll
    static void toolkit() {
        FxShell.toolkit();
    }

    @Test
    void runsOffTheFxThreadAndDeliversOnItWhileBusyIsTrue() throws Exception {
        try (BackgroundWork work = new BackgroundWork()) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Boolean> workerOnFx = new AtomicReference<>();
            AtomicReference<Boolean> deliveredOnFx = new AtomicReference<>();
            AtomicReference<String> result = new AtomicReference<>();
            WaitForAsyncUtils.asyncFx(() -> work.run(() -> {
                workerOnFx.set(Platform.isFxApplicationThread());
                release.await(5, TimeUnit.SECONDS);
                return "done";
            }, r -> {
                deliveredOnFx.set(Platform.isFxApplicationThread());
                result.set(r);
            }, f -> { })).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(work.busyProperty().get()).isTrue();
            release.countDown();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "done".equals(result.get()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(workerOnFx.get()).isFalse();
            assertThat(deliveredOnFx.get()).isTrue();
            assertThat(work.busyProperty().get()).isFalse();
        }
    }

    @Test
    void aFailureArrivesAsSuchAndACancelledJobsOutcomeIsDropped() throws Exception {
        try (BackgroundWork work = new BackgroundWork()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<Object> late = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean returnedLate = new java.util.concurrent.atomic.AtomicBoolean();
            BackgroundWork.Job[] job = new BackgroundWork.Job[1];
            WaitForAsyncUtils.asyncFx(() -> {
                work.run(() -> {
                    throw new java.io.IOException("printer gone");
                }, r -> { }, failure::set);
                job[0] = work.run(() -> {
                    started.countDown();
                    // like a device call that does not react to interruption: it really returns after the cancel
                    while (true) {
                        try {
                            cancelled.await();
                            break;
                        } catch (InterruptedException ignored) {
                            // keep waiting
                        }
                    }
                    returnedLate.set(true);
                    return "too late";
                }, late::set, late::set);
            }).get();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.asyncFx(() -> job[0].cancel()).get();
            cancelled.countDown();
            // busy clears only when the late outcome reached the UI thread, where it must be dropped
            Poll.until(Duration.ofSeconds(5), "the late job delivered",
                    () -> returnedLate.get() && !work.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(failure.get()).hasMessage("printer gone");
            assertThat(late.get()).as("the cancelled job's result is dropped").isNull();
            assertThat(job[0].isCancelled()).isTrue();
        }
    }

    @Test
    void closeLeavesNoWorkerThreadBehind() throws Exception {
        BackgroundWork work = new BackgroundWork(Runnable::run);
        CountDownLatch done = new CountDownLatch(1);
        work.run(() -> "x", r -> done.countDown(), f -> { });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        work.close();
        Poll.until(Duration.ofSeconds(5), "no kiosk-work thread alive", () -> Thread.getAllStackTraces().keySet()
                .stream().filter(Thread::isAlive).map(Thread::getName).noneMatch(n -> n.startsWith("kiosk-work-")));
    }
}
