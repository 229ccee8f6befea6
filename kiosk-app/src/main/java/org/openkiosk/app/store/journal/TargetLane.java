package org.openkiosk.app.store.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    private final DrainLoop loop;
    private volatile Instant unreachableSince;
    private volatile String problem;

    TargetLane(JournalTarget target, TargetDeliveries deliveries, Clock clock, Shipper.Settings settings) {
        this.target = target;
        this.deliveries = deliveries;
        this.clock = clock;
        int batchSize = settings.batchSize();
        // as the hall's lane: a waiting retry is dropped at close, a running delivery finishes (never interrupted)
        this.loop = new DrainLoop("journal-shipper-" + target.name(), clock, settings.retryMin(), settings.retryMax(),
                new DrainLoop.Step() {
                    @Override
                    public List<JournalRecord> waiting() {
                        return deliveries.waiting(target.name(), target.kinds(), batchSize);
                    }

                    @Override
                    public void send(List<JournalRecord> batch, java.util.function.BooleanSupplier open) {
                        for (JournalRecord record : batch) {
                            if (!open.getAsBoolean()) {
                                return;
                            }
                            deliver(record);
                        }
                    }

                    @Override
                    public boolean unavailable(RuntimeException e) {
                        return e instanceof TargetUnavailableException;
                    }

                    @Override
                    public void onUnavailable(RuntimeException e) {
                        if (unreachableSince == null) {
                            unreachableSince = clock.instant();
                            log.warn("{} cannot take records now; they wait in the journal: {}", target.name(),
                                    e.getMessage());
                        }
                        problem = e.getMessage();
                    }

                    @Override
                    public void onFailure(RuntimeException e) {
                        problem = e.getMessage();
                        log.error("delivering journal records to {} failed; retrying", target.name(), e);
                    }

                    @Override
                    public void onDrained() {
                        reachable();
                    }
                });
    }

    String name() {
        return target.name();
    }

    java.util.Set<RecordKind> kinds() {
        return target.kinds();
    }

    void wake() {
        loop.wake();
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
                Optional.ofNullable(problem), Optional.ofNullable(unreachableSince == null ? null : loop.nextAttempt()),
                rejected);
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
        loop.resetBackoff();
    }

    void close() {
        loop.close(Duration.ofSeconds(30));
    }
}
