package org.openkiosk.app.store;

import java.nio.file.Path;
import org.openkiosk.app.config.StoreConfig;

/** How a contract test gets a fresh, migrated store: an H2 file or a PostgreSQL database. */
public interface StoreBackend {

    /** The configuration of a new, empty store. */
    StoreConfig newStoreConfig(Path tempDir) throws Exception;

    default Store open(StoreConfig config, Path tempDir) {
        return Stores.open(config, tempDir);
    }

    static StoreBackend h2() {
        return tempDir -> new StoreConfig(Stores.EMBEDDED, tempDir.resolve("db-" + System.nanoTime()).toString(),
                null, null);
    }
}
