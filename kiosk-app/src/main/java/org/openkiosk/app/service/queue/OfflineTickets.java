package org.openkiosk.app.service.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.openkiosk.app.store.NumberSequences;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.StoreUnavailableException;
import org.openkiosk.app.store.journal.ForwardNow;
import org.openkiosk.app.store.journal.HallInbox;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.RecordKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hall kiosk's tickets through its journal (ADRs 0161, 0173): every ticket record (walk-ins and check-ins) is
 * journalled and forwarded ({@link #confirm}); this class also keeps the walk-in ticket numbers a kiosk can hand out
 * while the hall store is unreachable (ADR 0161). While it is
 * reachable, the kiosk reserves a block of each queue's counter for today and tomorrow from the hall's shared
 * counter ({@link NumberSequences#reserve}): other kiosks continue after the block, so no two kiosks ever hand out
 * the same number. The block is kept in the kiosk's journal file and used up one number at a time.
 */
public final class OfflineTickets {

    private static final Logger log = LoggerFactory.getLogger(OfflineTickets.class);

    private final Store hall;
    private final Journal journal;
    private final int blockSize;
    private final BooleanSupplier hallReachable;
    private final ForwardNow forwardNow;

    /**
     * @param blockSize     numbers reserved per queue and day ({@code store.walkInReserve})
     * @param hallReachable what the shipper last saw: while false, tickets are issued offline at once instead of
     *                      after a connection attempt that keeps the citizen waiting
     */
    public OfflineTickets(Store hall, Journal journal, int blockSize, BooleanSupplier hallReachable,
                          ForwardNow forwardNow) {
        this.hall = hall;
        this.journal = journal;
        this.blockSize = blockSize;
        this.hallReachable = hallReachable;
        this.forwardNow = forwardNow;
    }

    /** How long a citizen waits at most for the hall store to take a ticket record before the kiosk answers. */
    static final Duration CONFIRM_WITHIN = Duration.ofSeconds(5);

    /** What the hall store made of a journalled ticket record that the kiosk forwarded at once. */
    enum Answer {
        /** taken and applied: the ticket is in the hall's queue */
        APPLIED,
        /** taken and not applied: the appointment was checked in by another record first, or cancelled */
        DECLINED,
        /** not confirmed in time (hall away, backlog): the record waits in the journal and goes later, once */
        UNCONFIRMED,
        /**
         * the kiosk's own journal failed right after the record was committed to it, and the hall store (which
         * answers) has no receipt of it yet: the record is on the journal's disk and the shipper sends it, once
         * (ADR 0199). The hall was not away: the citizen is not told it was.
         */
        FORWARD_PENDING,
        /**
         * taken and not applied: another record held its number already (the hall store was restored from a backup and
         * handed the number out again before that record came back, ADR 0198); the citizen is still here and nothing
         * was printed: issue again with a new number
         */
        RENUMBER
    }

    /** {@link Answer} and, when declined, the hall's reason (e.g. {@code booking CHECKED_IN}). */
    record Confirmation(Answer answer, Optional<String> declined) {
        static final Confirmation UNCONFIRMED = new Confirmation(Answer.UNCONFIRMED, Optional.empty());
    }

    /** Forwards a record just journalled, waits for the hall store at most {@link #CONFIRM_WITHIN}, reads its receipt. */
    Confirmation confirm(JournalRecord record) {
        boolean journalFailed = false;
        try {
            if (!forwardNow.forwarded(record, CONFIRM_WITHIN)) {
                return Confirmation.UNCONFIRMED;
            }
        } catch (StoreException e) { // the journal, after the record's commit: it is on the disk, ask the hall
            log.warn("the journal failed after record {} was committed to it; asking the hall store for its"
                    + " receipt: {}", record.key(), e.toString());
            journalFailed = true;
        }
        try {
            Optional<HallInbox.Receipt> receipt = HallInbox.receiptOf(hall, record.key());
            if (receipt.isEmpty()) {
                return journalFailed ? new Confirmation(Answer.FORWARD_PENDING, Optional.empty())
                        : Confirmation.UNCONFIRMED;
            }
            if (receipt.get().applied()) {
                return new Confirmation(Answer.APPLIED, Optional.empty());
            }
            return new Confirmation(receipt.get().numberTaken() ? Answer.RENUMBER : Answer.DECLINED,
                    receipt.get().declined());
        } catch (StoreException e) { // forwarded, then the hall went away before its answer could be read
            log.info("the hall store took record {} but its receipt cannot be read now: {}", record.key(),
                    e.getMessage());
            return Confirmation.UNCONFIRMED;
        }
    }

    Store hall() {
        return hall;
    }

    boolean hallKnownUnreachable() {
        return !hallReachable.getAsBoolean();
    }

    public Journal journal() {
        return journal;
    }

    /** The hall counter's name for a queue on a day (shared with the online path). */
    static String sequenceName(String hallId, LocalDate day, String counterType) {
        return NumberSequences.ticketSequence(hallId, day, counterType);
    }

    /**
     * The next number of a queue's counter in the hall store (ADR 0173), once the hall store holds every record this
     * kiosk had forwarded (ADR 0198): one that lacks the newest was restored from a backup, its counter may be behind
     * numbers this kiosk handed out, and those records go again first (at most {@link #CONFIRM_WITHIN}).
     *
     * @throws StoreUnavailableException the hall store cannot be reached, or is still taking this kiosk's records
     *                                   again: a walk-in then comes from the reserved numbers, a check-in waits
     */
    long numberFromCounter(String sequenceName) {
        return fromCaughtUpCounter(c -> NumberSequences.next(c, sequenceName));
    }

    /** {@code take} on the hall store's counters, after what a restored hall store lost of this kiosk (ADR 0198). */
    private <T> T fromCaughtUpCounter(org.openkiosk.app.store.SqlWork<T> take) {
        Optional<JournalRecord> anchor = journal.newestForwarded();
        Object taken = hall.inTransaction(c -> {
            if (anchor.isPresent()) {
                Optional<HallInbox.Lost> lost = HallInbox.lost(c, anchor.get());
                if (lost.isPresent()) {
                    return lost.get();
                }
            }
            return take.run(c);
        });
        if (!(taken instanceof HallInbox.Lost lost)) {
            @SuppressWarnings("unchecked") T value = (T) taken;
            return value;
        }
        if (journal.reforwardLost(lost) > 0 && !forwardNow.forwarded(anchor.get(), CONFIRM_WITHIN)) {
            throw new StoreUnavailableException("the hall store was restored from a backup and is still taking this"
                    + " kiosk's records again", null);
        }
        // caught up; or the hall store holds nothing of this kiosk (its shipper says so in the log): as before
        return hall.inTransaction(take);
    }

    /**
     * Reserves a new block for the queue and day when fewer than half of a block is left. Quietly does nothing while
     * the hall store cannot be reached (the next call tries again).
     */
    public void topUp(String sequenceName) {
        try {
            if (remaining(sequenceName) * 2 >= blockSize) {
                return;
            }
            long first = fromCaughtUpCounter(c -> NumberSequences.reserve(c, sequenceName, blockSize));
            long last = first + blockSize - 1;
            // a crash right here loses the block: a gap in the numbers, never a duplicate
            journal.store().inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO ticket_range (sequence_name,"
                        + " first_no, last_no, next_no) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, sequenceName);
                    insert.setLong(2, first);
                    insert.setLong(3, last);
                    insert.setLong(4, first);
                    insert.executeUpdate();
                }
                // forwarded like a ticket: a hall store restored from an older backup learns the block again and
                // moves its counter past it (ADR 0198)
                journal.append(c, RecordKind.TICKET_BLOCK, java.util.Map.of("sequence", sequenceName,
                        "first", Long.toString(first), "last", Long.toString(last)));
                return null;
            });
            log.info("reserved walk-in numbers {}–{} of {} for an outage", first, first + blockSize - 1, sequenceName);
        } catch (StoreException e) {
            log.debug("cannot reserve walk-in numbers of {} now: {}", sequenceName, e.getMessage());
        }
    }

    /** Numbers of the queue and day still reserved and unused. */
    public long remaining(String sequenceName) {
        return journal.store().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(last_no - next_no + 1), 0)"
                    + " FROM ticket_range WHERE sequence_name = ?")) {
                ps.setString(1, sequenceName);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Takes the next reserved number inside the caller's journal transaction; empty when none is left. */
    Optional<Long> take(Connection local, String sequenceName) throws SQLException {
        Long first = null;
        long number = 0;
        try (PreparedStatement ps = local.prepareStatement("SELECT first_no, next_no FROM ticket_range"
                + " WHERE sequence_name = ? AND next_no <= last_no ORDER BY first_no LIMIT 1 FOR UPDATE")) {
            ps.setString(1, sequenceName);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    first = rs.getLong(1);
                    number = rs.getLong(2);
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        try (PreparedStatement use = local.prepareStatement("UPDATE ticket_range SET next_no = next_no + 1"
                + " WHERE sequence_name = ? AND first_no = ? AND next_no = ?")) {
            use.setString(1, sequenceName);
            use.setLong(2, first);
            use.setLong(3, number);
            if (use.executeUpdate() != 1) {
                throw new SQLException("reserved number " + number + " of " + sequenceName + " taken meanwhile");
            }
        }
        return Optional.of(number);
    }
}
