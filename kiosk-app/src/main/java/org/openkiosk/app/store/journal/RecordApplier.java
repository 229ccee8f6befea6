package org.openkiosk.app.store.journal;

import java.sql.Connection;
import java.sql.SQLException;

/** Turns a forwarded record into the hall store's typed row; runs once per record key (see {@link HallInbox}). */
@FunctionalInterface
public interface RecordApplier {
    void apply(Connection hall, JournalRecord record) throws SQLException;
}
