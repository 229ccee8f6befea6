package org.openkiosk.app.service.audit;

import org.openkiosk.app.store.StoreBackend;

/** Archiving the oldest audit records on the embedded H2 file store. */
class AuditArchiveH2Test extends AuditArchiveContract {

    @Override
    StoreBackend backend() {
        return StoreBackend.h2();
    }
}
