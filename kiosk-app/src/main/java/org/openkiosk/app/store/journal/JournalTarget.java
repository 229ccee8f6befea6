package org.openkiosk.app.store.journal;

import java.util.Set;

/**
 * A receiver of journal records beside the hall store (ADR 0162), e.g. the evaluation platform that takes ratings.
 * The shipper hands it each record of its kinds once, oldest first, and keeps handing the same record until the
 * target takes it or refuses it for good. A target must be idempotent on {@link JournalRecord#key()}: a record the
 * target took and whose answer was lost is handed again.
 */
public interface JournalTarget {

    /** Short stable name, kept with every delivery in the journal (e.g. {@code ratings}); at most 32 characters. */
    String name();

    /** The record kinds this target receives. */
    Set<RecordKind> kinds();

    /**
     * Delivers one record; returns normally once the target has it (now or from an earlier delivery).
     *
     * @throws TargetUnavailableException the target cannot take it now (unreachable, timed out, busy, misconfigured):
     *                                    the same record is handed again after a back-off
     * @throws TargetRejectedException    the target refuses this record for good: it is set aside, reported, and
     *                                    not handed again
     */
    void deliver(JournalRecord record);
}
