package org.openkiosk.app.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openkiosk.testsupport.Poll;

/**
 * The one drain loop of the hall's shipper and the targets' lanes: every waiting record sent once, in order, through
 * outages and faults; the back-off doubles up to its maximum and starts again from the minimum after a success.
 */
class DrainLoopTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    /** A queue of records with an outage script: {@code failures} sends fail before the next one succeeds. */
    private static final class Queue implements DrainLoop.Step {
        final List<JournalRecord> waiting = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile int failures;
        volatile boolean faultNotOutage;
        DrainLoop loop;

        @Override
        public List<JournalRecord> waiting() {
            return new ArrayList<>(waiting.subList(0, Math.min(2, waiting.size())));
        }

        @Override
        public void send(List<JournalRecord> batch, BooleanSupplier open) {
            for (JournalRecord r : batch) {
                if (failures > 0) {
                    failures--;
                    throw faultNotOutage ? new IllegalStateException("fault") : new TargetUnavailableException("down", null);
                }
                sent.add(r.key());
                waiting.remove(r); // settled after the other side took it
                loop.resetBackoff();
            }
        }

        @Override
        public boolean unavailable(RuntimeException e) {
            return e instanceof TargetUnavailableException;
        }

        @Override
        public void onUnavailable(RuntimeException e) {
            events.add("unavailable@" + loop.nextAttempt());
        }

        @Override
        public void onFailure(RuntimeException e) {
            events.add("failure");
        }

        @Override
        public void onDrained() {
            events.add("drained");
        }
    }

    /** A queue on a loop whose back-off goes 1, 2, 4 ms, on a clock that stands still. */
    private static Queue queue() {
        Queue q = new Queue();
        q.loop = new DrainLoop("drain-test", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1),
                Duration.ofMillis(4), q);
        return q;
    }

    private static JournalRecord record(int n) {
        return new JournalRecord("k-" + n, RecordKind.values()[0], "K-0101", NOW, "{}");
    }

    @Test
    void everyRecordIsSentOnceInOrderThroughAnOutageAndAFault() throws Exception {
        Queue q = queue();
        try {
            for (int i = 1; i <= 5; i++) {
                q.waiting.add(record(i));
            }
            q.failures = 4;
            q.loop.wake();
            Poll.until(Duration.ofSeconds(30), "all sent", () -> q.waiting.isEmpty());
            assertThat(q.sent).containsExactly("k-1", "k-2", "k-3", "k-4", "k-5");

            q.faultNotOutage = true;
            q.failures = 1;
            q.waiting.add(record(6));
            q.loop.wake();
            Poll.until(Duration.ofSeconds(30), "the sixth sent", () -> q.waiting.isEmpty());
            assertThat(q.sent).containsExactly("k-1", "k-2", "k-3", "k-4", "k-5", "k-6");
            assertThat(q.events).contains("failure").endsWith("drained");
        } finally {
            q.loop.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void theBackOffDoublesUpToItsMaximumAndStartsAgainAfterASuccess() throws Exception {
        Queue q = queue();
        try {
            q.waiting.add(record(1));
            q.failures = 5;
            q.loop.wake();
            Poll.until(Duration.ofSeconds(30), "sent after five failures and drained",
                    () -> q.waiting.isEmpty() && q.events.contains("drained"));
            // each failure's retry: 1, 2, 4, 4, 4 ms after the (fixed) clock's now
            assertThat(q.events.subList(0, 5)).containsExactly("unavailable@" + NOW.plusMillis(1),
                    "unavailable@" + NOW.plusMillis(2), "unavailable@" + NOW.plusMillis(4),
                    "unavailable@" + NOW.plusMillis(4), "unavailable@" + NOW.plusMillis(4));

            q.failures = 1;
            q.waiting.add(record(2));
            q.loop.wake();
            Poll.until(Duration.ofSeconds(30), "sent again", () -> q.waiting.isEmpty());
            assertThat(q.events).contains("unavailable@" + NOW.plusMillis(1), org.assertj.core.data.Index.atIndex(6));
        } finally {
            q.loop.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void aClosedLoopSendsNothingMore() throws Exception {
        Queue q = queue();
        q.loop.close(Duration.ofSeconds(10));
        q.waiting.add(record(1));
        q.loop.wake();
        assertThat(q.loop.closed()).isTrue();
        assertThat(q.sent).isEmpty();
    }
}
