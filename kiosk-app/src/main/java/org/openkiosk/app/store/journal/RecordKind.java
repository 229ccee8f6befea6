package org.openkiosk.app.store.journal;

/** What a journal record says happened; each kind has its applier in the hall store ({@link HallInbox}). */
public enum RecordKind {
    /** A citizen's rating of a service (no personal data). */
    RATING,
    /** A walk-in ticket: numbered by the hall's counter, or from this kiosk's reserved range while offline. */
    WALK_IN_TICKET,
    /**
     * An appointment checked in with its queue ticket (ADR 0173): applied only if the hall store still has the
     * appointment booked, else received and declined (see {@code hall_record.declined}).
     */
    CHECK_IN,
    /**
     * A block of a queue's counter this kiosk reserved for walk-ins during an outage (ADRs 0161, 0198): forwarded so
     * that a hall store restored from a backup older than the reservation learns the block again and does not hand
     * its numbers out a second time.
     */
    TICKET_BLOCK;

    /**
     * Whether records of this kind carry a queue ticket number a citizen was handed (field {@code ticket}): the hall
     * store may decline them after a restore (ADRs 0198, 0199, 0202), and the kiosk notes and audits every such decline
     * the same way.
     */
    public boolean carriesTicket() {
        return this == WALK_IN_TICKET || this == CHECK_IN;
    }
}
