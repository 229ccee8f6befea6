package org.openkiosk.app.service.audit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.StoreBackend;

/** Archiving the oldest audit records on a real PostgreSQL server, started once for this class. */
class AuditArchivePostgresTest extends AuditArchiveContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Override
    StoreBackend backend() {
        return POSTGRES.backend();
    }
}
