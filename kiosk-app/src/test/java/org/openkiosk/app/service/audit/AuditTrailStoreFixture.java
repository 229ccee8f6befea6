package org.openkiosk.app.service.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Stores;

/**
 * What the audit contracts against a real store share (H2 and PostgreSQL): a new store's configuration, the clock,
 * the audit key and head file, and the insider's own connection to the database, opened past the kiosk's code.
 */
abstract class AuditTrailStoreFixture {

    @TempDir
    Path tempDir;

    StoreConfig config;
    Store store;
    MutableClock clock;
    AuditKey key;
    AuditHeadFile headFile;
    AuditLog audit;

    abstract StoreBackend backend();

    /** Where the clock starts. */
    abstract Instant start();

    @BeforeEach
    void prepareStore() throws Exception {
        config = backend().newStoreConfig(tempDir);
        clock = new MutableClock(start());
        key = AuditKey.loadOrGenerate(tempDir.resolve("keys/audit.key"));
        headFile = new AuditHeadFile(tempDir.resolve("data/audit.head"));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** The JDBC URL of {@link #config}; for H2 with the kiosk's own settings, so both share the open database. */
    String jdbcUrl() {
        if (!Stores.EMBEDDED.equals(config.type())) {
            return config.url();
        }
        return "jdbc:h2:file:" + Path.of(config.url()).toAbsolutePath().normalize()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000";
    }

    String user() {
        return config.user() == null ? "kiosk" : config.user();
    }

    String password() {
        return config.password() == null ? "" : config.password();
    }

    Connection insiderConnection() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    void insider(String sql) throws Exception {
        try (Connection c = insiderConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    long query(String sql) throws Exception {
        try (Connection c = insiderConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws Exception {
        try (Connection c = insiderConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1).strip();
        }
    }
}
