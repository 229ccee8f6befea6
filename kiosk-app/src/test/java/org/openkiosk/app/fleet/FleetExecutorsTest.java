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
}
