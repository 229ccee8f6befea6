package org.openkiosk.app.service;

import org.openkiosk.app.store.StoreBackend;

/** The citizen-services contract on the embedded H2 file store. */
class CitizenServicesH2Test extends CitizenServicesContract {

    @Override
    StoreBackend backend() {
        return StoreBackend.h2();
    }
}
