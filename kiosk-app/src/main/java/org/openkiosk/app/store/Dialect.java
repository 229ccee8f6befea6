package org.openkiosk.app.store;

/** The two databases the kiosk runs on; the schema and the SQL are shared, only a few details differ. */
public enum Dialect {
    /** H2 2.x file database in PostgreSQL compatibility mode (one kiosk). */
    H2,
    /** A PostgreSQL server shared by the kiosks of a hall. */
    POSTGRESQL
}
