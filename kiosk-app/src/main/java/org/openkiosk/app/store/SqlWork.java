package org.openkiosk.app.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work run inside one transaction by {@link Store#inTransaction}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
