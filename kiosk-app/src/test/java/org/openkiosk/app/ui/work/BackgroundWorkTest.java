package org.openkiosk.app.ui.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.FxShell;
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
            BackgroundWork.Job[] job = new BackgroundWork.Job[1];
            WaitForAsyncUtils.asyncFx(() -> {
                work.run(() -> {
                    throw new java.io.IOException("printer gone");
                }, r -> { }, failure::set);
                job[0] = work.run(() -> {
                    started.countDown();
                    Thread.sleep(200);
                    return "too late";
                }, late::set, late::set);
            }).get();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            WaitForAsyncUtils.asyncFx(() -> job[0].cancel()).get();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !work.busyProperty().get());
            assertThat(failure.get()).hasMessage("printer gone");
            assertThat(late.get()).isNull();
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
        Thread.sleep(50);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive())
                .map(Thread::getName).filter(n -> n.startsWith("kiosk-work-"))).isEmpty();
    }
}
