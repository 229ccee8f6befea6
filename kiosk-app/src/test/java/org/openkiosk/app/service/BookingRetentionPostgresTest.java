package org.openkiosk.app.service;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.StoreBackend;

/** The retention job's SQL on a real PostgreSQL server too. */
class BookingRetentionPostgresTest extends BookingRetentionH2Test {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    StoreBackend backend() {
        return POSTGRES.backend();
    }
}
