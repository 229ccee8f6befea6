package org.openkiosk.app.service.audit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.StoreBackend;

/** The keyed audit trail on a real PostgreSQL server, started once for this class. */
class KeyedAuditTrailPostgresTest extends KeyedAuditTrailContract {

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

    @Override
    String jdbcUrl(StoreConfig config) {
        return config.url();
    }
}
