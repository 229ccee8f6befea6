package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Links sharing a pool still see their own work in order and one task at a time, and stop when closed. */
class FleetExecutorsTest {

    @Test
    void eachLinksWorkRunsInOrderAndNeverTwoAtOnceOnASharedPool() throws Exception {
        try (FleetExecutors shared = FleetExecutors.shared(4)) {
            int linkCount = 8;
            int tasks = 2_000;
            List<List<Integer>> seen = new ArrayList<>();
            List<FleetExecutors.LinkThreads> links = new ArrayList<>();
            AtomicBoolean overlapped = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(linkCount);
            for (int l = 0; l < linkCount; l++) {
                seen.add(new ArrayList<>());
                links.add(shared.newLink());
            }
            for (int i = 0; i < tasks; i++) {
                for (int l = 0; l < linkCount; l++) {
                    List<Integer> mine = seen.get(l);
                    AtomicBoolean busy = new AtomicBoolean();
                    int n = i;
                    links.get(l).work().execute(() -> {
                        if (!busy.compareAndSet(false, true)) {
                            overlapped.set(true);
                        }
                        mine.add(n); // unsynchronised on purpose: one task at a time per link
                        busy.set(false);
                        if (n == tasks - 1) {
                            done.countDown();
                        }
                    });
                }
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(overlapped).isFalse();
            for (List<Integer> mine : seen) {
                assertThat(mine).hasSize(tasks).isSorted();
            }
            links.get(0).close();
            assertThatThrownBy(() -> links.get(0).work().execute(() -> { }))
                    .isInstanceOf(RejectedExecutionException.class);
            links.get(1).work().execute(() -> { }); // the others go on
        }
    }

    /** Both kinds of threads (one link type, ADR 0103): a timer feeds the link's work; closing stops both. */
    @Test
    void theTimerRunsOnTheLinksWorkAndClosingStopsTimerWorkAndCommandsForOwnAndSharedThreads() throws Exception {
        for (FleetExecutors executors : List.of(FleetExecutors.own(), FleetExecutors.shared(2))) {
            try (executors) {
                FleetExecutors.LinkThreads link = executors.newLink();
                List<String> workThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
                CountDownLatch ticks = new CountDownLatch(3);
                link.work().execute(() -> workThreads.add("work:" + Thread.currentThread().getName()));
                link.every(java.time.Duration.ofMillis(10), () -> {
                    workThreads.add("tick:" + Thread.currentThread().getName());
                    ticks.countDown();
                });
                CountDownLatch command = new CountDownLatch(1);
                link.commands().execute(command::countDown);
                assertThat(ticks.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(command.await(30, TimeUnit.SECONDS)).isTrue();
                String first = workThreads.get(0);
                assertThat(first).startsWith("work:");
                if (executors.getClass().getSimpleName().equals("Own")) {
                    // a link of its own: every tick on the one fleet-link thread
                    assertThat(workThreads).allSatisfy(t -> assertThat(t).endsWith("fleet-link"));
                } else {
                    assertThat(workThreads).allSatisfy(t -> assertThat(t).contains("fleet-shared"));
                }

                link.close();
                assertThatThrownBy(() -> link.work().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
                assertThatThrownBy(() -> link.commands().execute(() -> { }))
                        .isInstanceOf(RejectedExecutionException.class);
            }
        }
    }
}
