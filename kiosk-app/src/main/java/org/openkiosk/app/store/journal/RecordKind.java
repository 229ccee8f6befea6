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
    CHECK_IN
}
