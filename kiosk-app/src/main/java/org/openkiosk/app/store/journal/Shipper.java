package org.openkiosk.app.store.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the journal's waiting records to the hall store on a thread of its own (ADR 0160), oldest first, in
 * batches: the hall store takes the batch ({@link HallInbox#accept}), then the journal marks it forwarded. A crash
 * between the two sends the batch again and the hall store ignores what it has. While the hall store cannot be
 * reached the shipper retries with a back-off doubling up to {@link Settings#retryMax()}, and says since when.
 */
public final class Shipper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Shipper.class);

    /**
     * @param batchSize records per hall transaction
     * @param retryMin  first wait after a failed forward
     * @param retryMax  longest wait between attempts during an outage
     */
    public record Settings(int batchSize, Duration retryMin, Duration retryMax) {
        public static Settings defaults() {
            return new Settings(100, Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    private final Journal journal;
    private final HallInbox hall;
    private final Clock clock;
    private final Settings settings;
    private final DrainLoop loop;
    private volatile Instant unreachableSince;
    private volatile String problem;
    private volatile boolean started;
    private final List<TargetLane> targets = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** How far back the operator is shown records a target refused for good ({@link #targetStatuses()}). */
    public static final Duration REJECTIONS_SHOWN = Duration.ofDays(7);
    private final List<Runnable> reconnectListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Shipper(Journal journal, HallInbox hall, Clock clock, Settings settings) {
        this.journal = Objects.requireNonNull(journal);
        this.hall = Objects.requireNonNull(hall);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.loop = new DrainLoop("journal-shipper", clock, settings.retryMin(), settings.retryMax(), new DrainLoop.Step() {
            @Override
            public List<JournalRecord> waiting() {
                return journal.waiting(settings.batchSize());
            }

            @Override
            public void send(List<JournalRecord> batch, java.util.function.BooleanSupplier open) {
                HallInbox.Answer answer = hall.take(batch);
                int fresh = answer.fresh();
                // the hall's declines are noted with the forwarded mark (ADR 0199): a check-in declined while the
                // citizen has gone with a ticket printed "not yet confirmed" is audited and alarmed, not only logged
                journal.markForwarded(batch, clock.instant(), answer.declined());
                if (!answer.declined().isEmpty()) {
                    log.warn("the hall store declined {} check-in record(s) of this kiosk: {}",
                            answer.declined().size(), answer.declined());
                }
                if (fresh < batch.size()) {
                    log.info("the hall store had {} of {} forwarded records already", batch.size() - fresh,
                            batch.size());
                }
                reachable();
            }

            @Override
            public void idle() {
                if (unreachableSince != null) {
                    hall.accept(List.of()); // nothing waits, but an outage is known: is the hall store back?
                }
            }

            @Override
            public boolean unavailable(RuntimeException e) {
                return e instanceof StoreUnavailableException;
            }

            @Override
            public void onUnavailable(RuntimeException e) {
                if (unreachableSince == null) {
                    unreachableSince = clock.instant();
                    log.warn("the hall store cannot be reached; records wait in the journal: {}", e.getMessage());
                }
            }

            @Override
            public void onFailure(RuntimeException e) {
                problem = e.getMessage();
                log.error("forwarding journal records failed; retrying", e);
            }

            @Override
            public void onDrained() {
                reachable();
            }
        });
    }

    /**
     * Also delivers the journal's records of the target's kinds to {@code target} (ADR 0162), each once, in the
     * journal's order, on a lane of its own with the back-off of {@code settings}; starts at once when the shipper
     * has.
     */
    public Shipper deliverTo(JournalTarget target, Settings settings) {
        TargetLane lane = new TargetLane(target, new TargetDeliveries(journal.store()), clock, settings);
        targets.add(lane);
        if (started) {
            lane.wake();
        }
        return this;
    }

    /** The targets' names and record kinds, for pruning ({@link JournalPruning}). */
    public java.util.Map<String, java.util.Set<RecordKind>> targetKinds() {
        java.util.Map<String, java.util.Set<RecordKind>> kinds = new java.util.TreeMap<>();
        targets.forEach(t -> kinds.put(t.name(), t.kinds()));
        return kinds;
    }

    /** Each target's deliveries, for the operator. */
    public List<TargetStatus> targetStatuses() {
        Instant since = clock.instant().minus(REJECTIONS_SHOWN);
        return targets.stream().map(t -> t.status(since)).toList();
    }

    /** Starts forwarding what the journal holds, and whatever is appended from now on. */
    public Shipper start() {
        started = true;
        journal.onAppend(this::wake);
        wake();
        return this;
    }

    /**
     * Runs on the shipper's thread each time the hall store answers again after an outage (the print
     * reconciliation of ADR 0165 hangs here); a listener with slow work hands it to a thread of its own.
     */
    public void onReconnect(Runnable listener) {
        reconnectListeners.add(listener);
    }

    /** Forwards soon (after an append, or when the operator asks). Coalesces: one drain queued at a time. */
    public void wake() {
        loop.wake();
        targets.forEach(TargetLane::wake);
    }

    /**
     * The hall store could not be reached before the shipper started (a kiosk started during an outage): the
     * operator's alarm says since when, and the shipper asks the hall store until it answers.
     */
    public void unreachableSince(Instant since) {
        if (unreachableSince == null) {
            unreachableSince = Objects.requireNonNull(since);
        }
        wake();
    }

    /**
     * Forwards what waits now, oldest first, on the shipper's own thread, and waits at most {@code within} for
     * {@code record} to be confirmed by the hall store (ADR 0173: a ticket's place in the hall's queue is known only
     * then). Older waiting records go first, so the hall's order stays the journal's order. {@code false}: not
     * confirmed in time (the hall store is away, or a backlog is still going); the record stays in the journal and
     * the shipper forwards it as usual, once.
     */
    public boolean forwardNow(JournalRecord record, Duration within) {
        return loop.drainNow(within) && journal.forwarded(record.key());
    }

    /** Whether the last forward reached the hall store (no journal query: cheap enough for every decision). */
    public boolean hallReachable() {
        return unreachableSince == null;
    }

    public ShipperStatus status() {
        long waiting;
        try {
            waiting = journal.waitingCount();
        } catch (StoreException e) {
            waiting = -1; // the journal itself cannot be read: say so rather than 0
        }
        return new ShipperStatus(Optional.ofNullable(unreachableSince), waiting, Optional.ofNullable(problem));
    }

    private void reachable() {
        boolean wasUnreachable = unreachableSince != null;
        if (wasUnreachable) {
            log.info("the hall store answers again (unreachable since {})", unreachableSince);
        }
        unreachableSince = null;
        problem = null;
        loop.resetBackoff();
        if (wasUnreachable) {
            for (Runnable listener : reconnectListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("a reconnect listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        loop.close(Duration.ofSeconds(10));
        targets.forEach(TargetLane::close);
    }
}
