package org.openkiosk.app.store.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The one drain loop of the journal's deliveries, to the hall store ({@link Shipper}, ADR 0160) and to each other
 * target ({@link TargetLane}, ADR 0162): a thread of its own; {@link #wake()} queues one drain at a time; a drain takes
 * the oldest waiting batch and sends it, again and again, until nothing waits or the loop closes; when the other side
 * cannot take records, or anything fails, the drain starts again after a back-off doubling from {@code retryMin} to
 * {@code retryMax}, from the oldest record still waiting. Exactly-once stays with the {@link Step}: a record counts as
 * sent only once the step has settled it after the other side took it.
 */
final class DrainLoop {

    /** What one delivery does inside the loop; every method runs on the loop's thread. */
    interface Step {
        /** The oldest waiting records, at most one batch; empty when nothing waits. */
        List<JournalRecord> waiting();

        /** Sends and settles {@code batch}; between records it may stop when {@code open} turns false. */
        void send(List<JournalRecord> batch, BooleanSupplier open);

        /** Nothing waits (the hall's shipper asks the hall store whether it is back after an outage). */
        default void idle() {
        }

        /** Whether {@code e} says the other side cannot take records now (its outage, not a fault). */
        boolean unavailable(RuntimeException e);

        /** The other side cannot take records now; a retry follows. */
        void onUnavailable(RuntimeException e);

        /** Anything else failed; a retry follows. */
        void onFailure(RuntimeException e);

        /** Everything waiting was sent. */
        void onDrained();
    }

    private final Step step;
    private final Clock clock;
    private final Duration retryMin;
    private final Duration retryMax;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Instant nextAttempt;
    private Duration nextRetry;

    DrainLoop(String threadName, Clock clock, Duration retryMin, Duration retryMax, Step step) {
        this.step = step;
        this.clock = clock;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
        this.nextRetry = retryMin;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // a waiting retry is dropped at close; a running drain finishes (never interrupted: an interrupt during H2
        // file I/O closes the journal's file channel)
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Drains soon. Coalesces: one drain queued at a time. */
    void wake() {
        if (!closed && drainQueued.compareAndSet(false, true)) {
            submit(0);
        }
    }

    /**
     * Drains now on the loop's thread, after whatever runs there, and waits at most {@code within} for that drain to
     * end. {@code false}: it did not end in time, or the loop is closing (the records stay waiting, and the loop
     * sends them as usual).
     */
    boolean drainNow(Duration within) {
        if (closed) {
            return false;
        }
        java.util.concurrent.Future<?> drained;
        try {
            drained = thread.submit(this::drainWhatWaits); // a queued drain or retry stays queued: no second loop
        } catch (RejectedExecutionException e) {
            return false; // closing
        }
        try {
            drained.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code action} on the loop's thread every {@code period} until the loop closes. */
    void every(Duration period, Runnable action) {
        try {
            thread.scheduleWithFixedDelay(action, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    boolean closed() {
        return closed;
    }

    /** When the next retry is due (meaningful while the other side is unavailable). */
    Instant nextAttempt() {
        return nextAttempt;
    }

    /** The other side took records: the next failure waits {@code retryMin} again. Loop thread only. */
    void resetBackoff() {
        nextRetry = retryMin;
    }

    private void submit(long delayMillis) {
        try {
            thread.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void drain() {
        drainQueued.set(false);
        drainWhatWaits();
    }

    /** Sends until nothing waits; on a failure queues a retry unless one is queued already. */
    private void drainWhatWaits() {
        BooleanSupplier open = () -> !closed;
        try {
            while (!closed) {
                List<JournalRecord> batch = step.waiting();
                if (batch.isEmpty()) {
                    step.idle();
                    break;
                }
                step.send(batch, open);
            }
            if (!closed) {
                step.onDrained();
            }
        } catch (RuntimeException e) {
            Duration wait = backOff(); // first, so that the step (and a status read) sees when the retry is due
            if (step.unavailable(e)) {
                step.onUnavailable(e);
            } else {
                step.onFailure(e);
            }
            if (drainQueued.compareAndSet(false, true)) {
                submit(wait.toMillis());
            }
        }
    }

    /** The wait before the next attempt, doubled for the one after (up to {@code retryMax}). */
    private Duration backOff() {
        Duration wait = nextRetry;
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(retryMax) > 0 ? retryMax : doubled;
        nextAttempt = clock.instant().plus(wait);
        return wait;
    }

    /** No further drain; a running one finishes its record (waits at most {@code await}). */
    void close(Duration await) {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(await.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
