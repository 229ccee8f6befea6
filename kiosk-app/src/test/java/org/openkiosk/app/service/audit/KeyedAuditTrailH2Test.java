package org.openkiosk.app.service.audit;

import org.openkiosk.app.store.StoreBackend;

/** The keyed audit trail on the embedded H2 file store. */
class KeyedAuditTrailH2Test extends KeyedAuditTrailContract {

    @Override
    StoreBackend backend() {
        return StoreBackend.h2();
    }
}
