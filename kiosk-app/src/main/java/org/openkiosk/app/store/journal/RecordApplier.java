package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Turns a forwarded record into the hall store's typed row; runs once per record key (see {@link HallInbox}). */
@FunctionalInterface
public interface RecordApplier {

    /** What an applier returns for a record it applied. */
    Optional<String> APPLIED = Optional.empty();

    /**
     * @return {@link #APPLIED}, or why the record is received and not applied (the hall store keeps the reason in
     *         {@code hall_record_declined}; the batch goes on)
     */
    Optional<String> apply(Connection hall, JournalRecord record) throws SQLException;
}
