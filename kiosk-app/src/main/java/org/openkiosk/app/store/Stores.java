package org.openkiosk.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.openkiosk.app.config.StoreConfig;

/** Opens the configured store, pooled, with the schema migrated to the latest version. */
public final class Stores {

    public static final String EMBEDDED = "embedded";
    public static final String POSTGRESQL = "postgresql";
    /** File name (without H2's {@code .mv.db}) of the embedded database under the data directory. */
    public static final String EMBEDDED_FILE = "kiosk-store";
    /** H2's page cache for the embedded store, in KB (H2's default is 16 MB; ADR 0138). */
    public static final int EMBEDDED_CACHE_KB = 4096;

    static final String MIGRATIONS = "classpath:org/openkiosk/app/store/migration";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Stores.class);

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
        return open(config, dataDir, System.getenv("CREDENTIALS_DIRECTORY"));
    }

    /** The configured store type, lower case; {@value #EMBEDDED} when none is configured. */
    public static String type(StoreConfig config) {
        return config == null || config.type() == null ? EMBEDDED : config.type().strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param credentialsDirectory {@code $CREDENTIALS_DIRECTORY}: with a {@link StoreKey#CREDENTIAL} there, the
     *                             embedded store is encrypted (ADR 0116)
     */
    public static Store open(StoreConfig config, Path dataDir, String credentialsDirectory) {
        Objects.requireNonNull(config, "store configuration");
        Store store = switch (type(config)) {
            case EMBEDDED -> openEmbedded(config, dataDir, StoreKey.fromCredentials(credentialsDirectory));
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

    /**
     * A hall kiosk starting while its PostgreSQL cannot be reached (ADR 0166): the pool is built without connecting
     * and nothing is migrated or checked; connections are tried when used, and {@link #migrate} runs once the
     * database answers. Only for a shared store whose schema other kiosks or a technician have already made.
     */
    public static Store openWithoutConnecting(StoreConfig config) {
        Objects.requireNonNull(config, "store configuration");
        if (!POSTGRESQL.equalsIgnoreCase(Objects.toString(config.type(), "").strip())) {
            throw new StoreException("only a postgresql store can be opened before it answers");
        }
        return openPostgresql(config, false);
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

    /** PostgreSQL connections verify the server's certificate and host name unless the URL says otherwise. */
    public static final String POSTGRESQL_SSLMODE = "verify-full";

    /** The embedded store's database file ({@code ….mv.db}) for this configuration and data directory. */
    public static Path embeddedDatabaseFile(StoreConfig config, Path dataDir) {
        Path file = embeddedFile(config, dataDir);
        return file.resolveSibling(file.getFileName() + ".mv.db");
    }

    private static Path embeddedFile(StoreConfig config, Path dataDir) {
        Path file;
        if (config.url() != null && !config.url().isBlank()) {
            file = Path.of(config.url());
        } else {
            Objects.requireNonNull(dataDir, "data directory");
            file = dataDir.resolve(EMBEDDED_FILE);
        }
        return file.toAbsolutePath().normalize();
    }

    /**
     * Opens an existing encrypted embedded store read-only with {@code key} and closes it again, migrating nothing
     * ({@code kiosk doctor}, ADR 0186).
     *
     * @throws java.sql.SQLException H2's refusal: a wrong key, the file in use by the running kiosk, …
     */
    public static void tryKey(Path databaseFile, char[] key) throws java.sql.SQLException {
        String name = databaseFile.getFileName().toString();
        Path base = databaseFile.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "kiosk");
        char[] password = new char[key.length + 1];
        System.arraycopy(key, 0, password, 0, key.length);
        password[key.length] = ' '; // "filePassword userPassword", as the kiosk opens it
        properties.put("password", password);
        try (java.sql.Connection ignored = new org.h2.Driver().connect("jdbc:h2:file:" + base
                + ";CIPHER=AES;IFEXISTS=TRUE;ACCESS_MODE_DATA=r;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", properties)) {
            // opened: the key decrypts the file
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static Store openEmbedded(StoreConfig config, Path dataDir, Optional<char[]> key) {
        Path file = embeddedFile(config, dataDir);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("cannot create the data directory " + file.getParent(), e);
        }
        HikariConfig hikari = baseConfig("kiosk-store-h2");
        // PostgreSQL mode so one set of migrations serves both; LOCK_TIMEOUT lets contended row locks wait
        // instead of failing at once (the default is one second). WRITE_DELAY=0: a commit is written to the file
        // when it happens, not up to half a second later (ADR 0160; journal commits are also synced).
        // CACHE_SIZE (KB): H2's page cache is 16 MB by default (6 % of the kiosk's 256 MB heap) and fills up as the
        // store grows; the soak's class histograms showed it as the heap's steady growth (ADR 0138). A kiosk's
        // store is a few MB: 4 MB of cache holds its working set.
        String cipher = "";
        if (key.isPresent()) {
            encryptIfPlain(file, key.get());
            cipher = ";CIPHER=AES";
        } else {
            log.warn("the embedded store {} is not encrypted: no {} credential (ADR 0116)", file, StoreKey.CREDENTIAL);
        }
        hikari.setJdbcUrl("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000;WRITE_DELAY=0;CACHE_SIZE=" + EMBEDDED_CACHE_KB + cipher);
        hikari.setUsername("kiosk");
        // H2 takes "filePassword userPassword"; the user password stays empty (the file key is the secret)
        hikari.setPassword(key.map(k -> new String(k) + " ").orElse(""));
        key.ifPresent(k -> java.util.Arrays.fill(k, '\0'));
        String description = "h2:" + file + (key.isPresent() ? " (encrypted)" : "");
        return new Store(create(hikari, description), Dialect.H2, description);
    }

    /** Whether an embedded store's database file ({@code ….mv.db}) is encrypted: H2 starts such a file "H2encrypt". */
    public static boolean encrypted(Path databaseFile) throws java.io.IOException {
        byte[] head = new byte[9];
        try (java.io.InputStream in = Files.newInputStream(databaseFile)) {
            return in.readNBytes(head, 0, head.length) == head.length
                    && new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("H2encrypt");
        }
    }

    /** An existing store written before the key was configured is encrypted in place, once. */
    private static void encryptIfPlain(Path file, char[] key) {
        Path db = file.resolveSibling(file.getFileName() + ".mv.db");
        if (!Files.exists(db)) {
            return;
        }
        try {
            if (encrypted(db)) {
                return;
            }
            log.warn("encrypting the embedded store {} with the {} credential", db, StoreKey.CREDENTIAL);
            org.h2.tools.ChangeFileEncryption.execute(file.getParent().toString(), file.getFileName().toString(),
                    "AES", null, key.clone(), true);
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new StoreUnavailableException("cannot encrypt the embedded store " + db + ": " + e.getMessage(), e);
        }
    }

    private static Store openPostgresql(StoreConfig config) {
        return openPostgresql(config, true);
    }

    private static Store openPostgresql(StoreConfig config, boolean connectNow) {
        if (config.url() == null || !config.url().startsWith("jdbc:postgresql:")) {
            throw new StoreException("a postgresql store needs a url like jdbc:postgresql://host:5432/kiosk, got '"
                    + config.url() + "'");
        }
        HikariConfig hikari = baseConfig("kiosk-store-pg");
        hikari.setJdbcUrl(config.url());
        if (!config.url().contains("sslmode=")) {
            // TLS with the server's certificate and host name checked (ADR 0116); the URL may say otherwise only
            // in a test installation (validated in kiosk.yaml)
            hikari.addDataSourceProperty("sslmode", POSTGRESQL_SSLMODE);
        }
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        // every read has a timeout: connecting, and waiting for a reply on an open socket
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("socketTimeout", "30");
        hikari.addDataSourceProperty("ApplicationName", "openkiosk");
        if (!connectNow) {
            hikari.setInitializationFailTimeout(-1); // build the pool now, connect when a connection is asked for
            hikari.setMinimumIdle(0);
        }
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
