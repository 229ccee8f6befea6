package org.openkiosk.app.cli.store;

import java.nio.file.Path;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import picocli.CommandLine.Option;

/**
 * Where the store is, for the store and audit commands: the embedded database under the data directory, or
 * a PostgreSQL server when {@code --store-url} is given (password from {@code $KIOSK_DB_PASSWORD}).
 */
public final class StoreOptions {

    public static final String PASSWORD_VARIABLE = "KIOSK_DB_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory holding the embedded store (default: $KIOSK_DATA, else <kiosk home>/data)")
    String dataDir;

    @Option(names = "--store-url", paramLabel = "JDBC_URL",
            description = "use this PostgreSQL database instead of the embedded store, e.g. jdbc:postgresql://10.1.2.5:5432/kiosk")
    String storeUrl;

    @Option(names = "--store-user", paramLabel = "USER", defaultValue = "kiosk",
            description = "PostgreSQL user (default: ${DEFAULT-VALUE}); the password comes from $" + PASSWORD_VARIABLE)
    String storeUser;

    public Path dataDirectory() {
        return resolve(dataDir, "KIOSK_DATA", "data");
    }

    public StoreConfig storeConfig() {
        if (storeUrl == null) {
            return new StoreConfig(Stores.EMBEDDED, null, null, null);
        }
        return new StoreConfig(Stores.POSTGRESQL, storeUrl, storeUser, System.getenv(PASSWORD_VARIABLE));
    }

    public Store open() {
        return Stores.open(storeConfig(), dataDirectory());
    }

    static Path resolve(String option, String variable, String child) {
        if (option != null) {
            return Path.of(option);
        }
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        String home = System.getProperty("kiosk.home");
        return home == null ? Path.of(child) : Path.of(home, child);
    }
}
