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
 * <p>
 * Every forward also checks that the hall store still holds the newest record it confirmed, and so does an idle shipper
 * every {@link Settings#hallCheckEvery()} and on reconnecting: a hall store restored from an older backup lacks it, and
 * the records after the newest one it still holds of this kiosk are sent again, first (ADR 0198).
 */
public final class Shipper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Shipper.class);

    /**
     * @param batchSize     records per hall transaction
     * @param retryMin      first wait after a failed forward
     * @param retryMax      longest wait between attempts during an outage
     * @param hallCheckEvery how often an idle shipper asks the hall store whether it still holds the newest record it
     *                      confirmed ({@link #HALL_CHECK_EVERY}, ADR 0198)
     */
    public record Settings(int batchSize, Duration retryMin, Duration retryMax, Duration hallCheckEvery) {
        public Settings(int batchSize, Duration retryMin, Duration retryMax) {
            this(batchSize, retryMin, retryMax, HALL_CHECK_EVERY);
        }

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

    /**
     * How often an idle shipper asks the hall store whether it still holds the newest record it confirmed (ADR 0198):
     * a hall store restored from a backup learns a kiosk's numbers again within about this long of answering, even
     * when that kiosk has nothing new to forward. One primary-key look-up.
     */
    public static final Duration HALL_CHECK_EVERY = Duration.ofMinutes(1);
    /** False when the next idle drain must look at the hall store (loop thread, and the periodic wake). */
    private volatile boolean hallChecked;
    /** A probe the hall store has never held any record of this kiosk for: not asked again (ADR 0198). */
    private volatile String unknownAnchor;
    /** Ticket numbers the hall store found held twice while taking this kiosk's records, newest last (ADR 0198). */
    private final java.util.Deque<String> numbersTwice = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int NUMBERS_TWICE_KEPT = 20;

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
                HallInbox.Taken taken;
                try {
                    taken = hall.accept(batch, anchor());
                } catch (HallInbox.RecordsLost e) { // restored from a backup: what it lost goes first (ADR 0198)
                    reforward(e.lost());
                    return;
                }
                hallChecked = true;
                noteNumbersTwice(taken.numbersTwice()); // before the mark: whoever sees the batch forwarded sees them
                // the hall's declines are noted with the forwarded mark (ADRs 0199, 0202): a ticket record (check-in or
                // walk-in) declined while the citizen has gone with its ticket is audited and alarmed, not only logged
                journal.markForwarded(batch, clock.instant(), taken.declined());
                if (!taken.declined().isEmpty()) {
                    log.warn("the hall store declined {} ticket record(s) of this kiosk: {}",
                            taken.declined().size(), taken.declined());
                }
                if (taken.fresh() < batch.size()) {
                    log.info("the hall store had {} of {} forwarded records already", batch.size() - taken.fresh(),
                            batch.size());
                }
                reachable();
            }

            @Override
            public void idle() {
                // nothing waits, but an outage is known (is the hall store back?) or the periodic look is due (was it
                // restored from a backup meanwhile? ADR 0198)
                if (unreachableSince != null || !hallChecked) {
                    try {
                        hall.accept(List.of(), anchor());
                        hallChecked = true;
                    } catch (HallInbox.RecordsLost e) {
                        reforward(e.lost());
                        Shipper.this.loop.wake(); // send them
                    }
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
        loop.every(settings.hallCheckEvery(), () -> {
            hallChecked = false;
            loop.wake();
        });
        wake();
        return this;
    }

    /** The probe of ADR 0198: the newest record the hall store confirmed, unless it is known to hold none of ours. */
    private Optional<JournalRecord> anchor() {
        Optional<JournalRecord> newest = journal.newestForwarded();
        return newest.filter(r -> !r.key().equals(unknownAnchor));
    }

    /** The hall store lost records it had confirmed (restored from a backup): they wait again, oldest first. */
    private void reforward(HallInbox.Lost lost) {
        if (journal.reforwardLost(lost) == 0) {
            unknownAnchor = lost.anchorKey();
            log.error("the hall store holds none of this kiosk's records, though it confirmed {} and others: a new"
                    + " database, or restored from a backup older than this kiosk's first record. Nothing is sent"
                    + " again by itself; if it was restored, stop the kiosk and run ./kiosk store reforward --since"
                    + " <time of the backup> (docs/hall-store.md)", lost.anchorKey());
        }
    }

    private void noteNumbersTwice(List<String> tickets) {
        for (String ticket : tickets) {
            numbersTwice.addLast(ticket);
            while (numbersTwice.size() > NUMBERS_TWICE_KEPT) {
                numbersTwice.pollFirst();
            }
        }
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
        return new ShipperStatus(Optional.ofNullable(unreachableSince), waiting, Optional.ofNullable(problem),
                journal.lastReforward(), List.copyOf(numbersTwice));
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
