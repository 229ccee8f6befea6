package org.openkiosk.app.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.StoreBackend;

/** The retention job's SQL on a real PostgreSQL server too. */
class BookingRetentionPostgresTest extends BookingRetentionH2Test {

    private static PostgresServer server;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    StoreBackend backend() {
        return tempDir -> server.newDatabase();
    }
}
