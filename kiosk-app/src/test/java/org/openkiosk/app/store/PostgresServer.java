package org.openkiosk.app.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.openkiosk.app.config.StoreConfig;

/** A real PostgreSQL server from Maven artifacts, one per test class; each test gets a fresh database. */
public final class PostgresServer implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() throws IOException {
        return new PostgresServer(EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .start());
    }

    /** Creates an empty database and returns the configuration of a store on it. */
    public StoreConfig newDatabase() throws SQLException {
        String name = "kiosk_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new StoreConfig(Stores.POSTGRESQL, withoutTls(postgres.getJdbcUrl("postgres", name)), "postgres", "");
    }

    /** The test server speaks no TLS: say so in the URL, as only a test installation may (ADR 0116). */
    static String withoutTls(String url) {
        return url + (url.contains("?") ? "&" : "?") + "sslmode=disable";
    }

    /** The URL of a fresh database exactly as the server names it (no sslmode: the kiosk's default applies). */
    public String plainUrl() throws SQLException {
        String name = "kiosk_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
