package org.openkiosk.app.store.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipper's delivery of the journal to one {@link JournalTarget} (ADR 0162): oldest record first, one at a time,
 * on a thread of its own so that a slow target never holds up the hall store (nor the other way round). A record the
 * target cannot take now is tried again, itself first, after a back-off doubling from {@code retryMin} to
 * {@code retryMax}; a record it refuses for good is set aside in {@code journal_delivery} and reported, and the next
 * one goes. Order per kiosk is the journal's order.
 */
final class TargetLane {

    private static final Logger log = LoggerFactory.getLogger(TargetLane.class);

    private final JournalTarget target;
    private final TargetDeliveries deliveries;
    private final Clock clock;
    private final Duration retryMin;
    private final Duration retryMax;
    private final int batchSize;
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile Instant unreachableSince;
    private volatile String problem;
    private volatile Instant nextAttempt;
    private Duration nextRetry;
    private volatile boolean closed;

    TargetLane(JournalTarget target, TargetDeliveries deliveries, Clock clock, Shipper.Settings settings) {
        this.target = target;
        this.deliveries = deliveries;
        this.clock = clock;
        this.retryMin = settings.retryMin();
        this.retryMax = settings.retryMax();
        this.batchSize = settings.batchSize();
        this.nextRetry = retryMin;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "journal-shipper-" + target.name());
            t.setDaemon(true);
            return t;
        });
        // as the hall's lane: a waiting retry is dropped at close, a running delivery finishes (never interrupted)
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    String name() {
        return target.name();
    }

    java.util.Set<RecordKind> kinds() {
        return target.kinds();
    }

    void wake() {
        if (!closed && drainQueued.compareAndSet(false, true)) {
            submit(0);
        }
    }

    TargetStatus status(Instant rejectionsSince) {
        long waiting;
        List<TargetDeliveries.Rejection> rejected;
        try {
            waiting = deliveries.waitingCount(target.name(), target.kinds());
            rejected = deliveries.rejectedSince(target.name(), rejectionsSince);
        } catch (RuntimeException e) {
            waiting = -1;
            rejected = List.of();
        }
        return new TargetStatus(target.name(), Optional.ofNullable(unreachableSince), waiting,
                Optional.ofNullable(problem), Optional.ofNullable(unreachableSince == null ? null : nextAttempt),
                rejected);
    }

    private void submit(long delayMillis) {
        try {
            thread.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            while (!closed) {
                List<JournalRecord> batch = deliveries.waiting(target.name(), target.kinds(), batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                for (JournalRecord record : batch) {
                    if (closed) {
                        return;
                    }
                    deliver(record);
                }
            }
            reachable();
        } catch (TargetUnavailableException e) {
            if (unreachableSince == null) {
                unreachableSince = clock.instant();
                log.warn("{} cannot take records now; they wait in the journal: {}", target.name(), e.getMessage());
            }
            problem = e.getMessage();
            retryLater();
        } catch (RuntimeException e) {
            problem = e.getMessage();
            log.error("delivering journal records to {} failed; retrying", target.name(), e);
            retryLater();
        }
    }

    private void deliver(JournalRecord record) {
        try {
            target.deliver(record);
        } catch (TargetRejectedException e) {
            deliveries.settle(target.name(), record, TargetDeliveries.Outcome.REJECTED, clock.instant(),
                    e.getMessage());
            log.error("{} refused record {} ({}) for good; it is set aside and not sent again: {}", target.name(),
                    record.key(), record.kind(), e.getMessage());
            return;
        }
        deliveries.settle(target.name(), record, TargetDeliveries.Outcome.DELIVERED, clock.instant(), null);
        reachable();
    }

    private void reachable() {
        if (unreachableSince != null) {
            log.info("{} takes records again (unavailable since {})", target.name(), unreachableSince);
        }
        unreachableSince = null;
        problem = null;
        nextRetry = retryMin;
    }

    private void retryLater() {
        Duration wait = nextRetry;
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(retryMax) > 0 ? retryMax : doubled;
        nextAttempt = clock.instant().plus(wait);
        if (drainQueued.compareAndSet(false, true)) {
            submit(wait.toMillis());
        }
    }

    void close() {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
