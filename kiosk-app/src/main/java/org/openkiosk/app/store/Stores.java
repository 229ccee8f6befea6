package org.openkiosk.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.openkiosk.app.config.StoreConfig;

/** Opens the configured store, pooled, with the schema migrated to the latest version. */
public final class Stores {

    public static final String EMBEDDED = "embedded";
    public static final String POSTGRESQL = "postgresql";
    /** File name (without H2's {@code .mv.db}) of the embedded database under the data directory. */
    public static final String EMBEDDED_FILE = "kiosk-store";

    static final String MIGRATIONS = "classpath:org/openkiosk/app/store/migration";

    private Stores() {}

    /**
     * Opens the store and migrates its schema.
     *
     * @param config  {@code embedded} (H2 file under {@code dataDir}, or under {@code url} when that is a path)
     *                or {@code postgresql} (JDBC URL, user, password)
     * @param dataDir the kiosk's data directory
     * @throws StoreUnavailableException when the database cannot be reached or opened
     * @throws StoreException            for a bad configuration or a failed migration
     */
    public static Store open(StoreConfig config, Path dataDir) {
        Objects.requireNonNull(config, "store configuration");
        String type = config.type() == null ? EMBEDDED : config.type().strip().toLowerCase(Locale.ROOT);
        Store store = switch (type) {
            case EMBEDDED -> openEmbedded(config, dataDir);
            case POSTGRESQL -> openPostgresql(config);
            default -> throw new StoreException("store type must be 'embedded' or 'postgresql', not '"
                    + config.type() + "'");
        };
        try {
            migrate(store);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(Store store) {
        try {
            return Flyway.configure()
                    .dataSource(store.dataSource())
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("schema migration of " + store.description() + " failed: "
                    + Store.rootMessage(e), e);
        }
    }

    private static Store openEmbedded(StoreConfig config, Path dataDir) {
        Path file;
        if (config.url() != null && !config.url().isBlank()) {
            file = Path.of(config.url());
        } else {
            Objects.requireNonNull(dataDir, "data directory");
            file = dataDir.resolve(EMBEDDED_FILE);
        }
        file = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("cannot create the data directory " + file.getParent(), e);
        }
        HikariConfig hikari = baseConfig("kiosk-store-h2");
        // PostgreSQL mode so one set of migrations serves both; LOCK_TIMEOUT lets contended row locks wait
        // instead of failing at once (the default is one second). WRITE_DELAY=0: a commit is written to the file
        // when it happens, not up to half a second later (ADR 0160; journal commits are also synced).
        hikari.setJdbcUrl("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000;WRITE_DELAY=0");
        hikari.setUsername("kiosk");
        hikari.setPassword("");
        return new Store(create(hikari, "h2:" + file), Dialect.H2, "h2:" + file);
    }

    private static Store openPostgresql(StoreConfig config) {
        if (config.url() == null || !config.url().startsWith("jdbc:postgresql:")) {
            throw new StoreException("a postgresql store needs a url like jdbc:postgresql://host:5432/kiosk, got '"
                    + config.url() + "'");
        }
        HikariConfig hikari = baseConfig("kiosk-store-pg");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        // every read has a timeout: connecting, and waiting for a reply on an open socket
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("socketTimeout", "30");
        hikari.addDataSourceProperty("ApplicationName", "openkiosk");
        String where = config.url().replaceFirst("\\?.*$", "");
        return new Store(create(hikari, where), Dialect.POSTGRESQL, where);
    }

    private static HikariConfig baseConfig(String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setMaximumPoolSize(10);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(5_000); // a citizen should not wait longer for "service unavailable"
        hikari.setValidationTimeout(3_000);
        hikari.setAutoCommit(true);
        return hikari;
    }

    private static HikariDataSource create(HikariConfig hikari, String where) {
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreUnavailableException("the database " + where + " cannot be opened: "
                    + Store.rootMessage(e), e);
        }
    }
}
