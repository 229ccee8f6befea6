package org.openkiosk.app.service.audit;

import java.nio.file.Path;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.StoreBackend;

/** Archiving the oldest audit records on the embedded H2 file store. */
class AuditArchiveH2Test extends AuditArchiveContract {

    @Override
    StoreBackend backend() {
        return StoreBackend.h2();
    }

    @Override
    String jdbcUrl(StoreConfig config) {
        return "jdbc:h2:file:" + Path.of(config.url()).toAbsolutePath().normalize()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000";
    }
}
