package org.openkiosk.app.cli.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.openkiosk.app.cli.DirectoryOptions;
import org.openkiosk.app.config.AuditSettings;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.Stores;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the store is, for the store and audit commands: the {@code store:} section of {@code kiosk.yaml} in the
 * configuration directory ({@code --config}), or a PostgreSQL server when {@code --store-url} is given
 * (password from {@code $KIOSK_DB_PASSWORD}). Without a {@code kiosk.yaml} it is the embedded store under the
 * data directory.
 */
public final class StoreOptions {

    public static final String PASSWORD_VARIABLE = "KIOSK_DB_PASSWORD";

    @Option(names = "--config", paramLabel = "DIR",
            description = "configuration directory whose kiosk.yaml names the store (default: $KIOSK_CONFIG, else <kiosk home>/config)")
    String configDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
        return mixee == null ? resolve(dataDir, "KIOSK_DATA", "data") : DirectoryOptions.dataDirectory(mixee, dataDir);
    }

    public Path configDirectory() {
        return mixee == null ? resolve(configDir, "KIOSK_CONFIG", "config") : DirectoryOptions.configDirectory(mixee, configDir);
    }

    /**
     * {@code --store-url} when given, else the configuration's store section.
     *
     * @throws StoreException naming the configuration's problems when {@code kiosk.yaml} is not valid
     */
    public StoreConfig storeConfig() {
        if (storeUrl != null) {
            return new StoreConfig(Stores.POSTGRESQL, storeUrl, storeUser, System.getenv(PASSWORD_VARIABLE));
        }
        Path dir = configDirectory();
        if (!Files.exists(dir.resolve(ConfigLoader.KIOSK_FILE))) {
            return new StoreConfig(Stores.EMBEDDED, null, null, null);
        }
        try {
            return ConfigLoader.load(dir).store();
        } catch (ConfigException e) {
            throw new StoreException("cannot tell where the store is: the configuration in " + dir + " is not valid: "
                    + e.problems().stream().map(Object::toString).collect(Collectors.joining("; "))
                    + " (fix it, or give --store-url)");
        }
    }

    /**
     * The {@code audit:} section of the configuration's {@code kiosk.yaml} (defaults without one).
     *
     * @throws StoreException naming the configuration's problems when {@code kiosk.yaml} is not valid
     */
    public AuditSettings auditSettings() {
        Path dir = configDirectory();
        if (!Files.exists(dir.resolve(ConfigLoader.KIOSK_FILE))) {
            return AuditSettings.defaults();
        }
        try {
            return ConfigLoader.load(dir).audit();
        } catch (ConfigException e) {
            throw new StoreException("cannot tell where the audit key is: the configuration in " + dir
                    + " is not valid: " + e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
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
