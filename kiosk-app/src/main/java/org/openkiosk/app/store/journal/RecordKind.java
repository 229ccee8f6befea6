package org.openkiosk.app.store.journal;

/** What a journal record says happened; each kind has its applier in the hall store ({@link HallInbox}). */
public enum RecordKind {
    /** A citizen's rating of a service (no personal data). */
    RATING,
    /** A walk-in ticket handed out from this kiosk's reserved number range. */
    WALK_IN_TICKET
}
