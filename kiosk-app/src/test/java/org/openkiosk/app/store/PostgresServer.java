package org.openkiosk.app.store;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.testsupport.EmbeddedPostgresServer;

/**
 * A real PostgreSQL server for a test class, as store configurations:
 * {@code @RegisterExtension static final PostgresServer POSTGRES = new PostgresServer();} starts it before the
 * class and stops it after; each test takes a fresh database ({@link #newDatabase()} or {@link #backend()}).
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private final EmbeddedPostgresServer server = new EmbeddedPostgresServer();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.afterAll(context);
    }

    /** Creates an empty database and returns the configuration of a store on it. */
    public StoreConfig newDatabase() throws SQLException {
        return storeConfig(server.newDatabase());
    }

    /** The test server speaks no TLS: say so in the URL, as only a test installation may (ADR 0116). */
    public static String withoutTls(String url) {
        return url + (url.contains("?") ? "&" : "?") + "sslmode=disable";
    }

    /** The URL of a fresh database exactly as the server names it (no sslmode: the kiosk's default applies). */
    public String plainUrl() throws SQLException {
        return server.newDatabase();
    }

    /** Fresh databases for a contract test. */
    public StoreBackend backend() {
        return tempDir -> newDatabase();
    }

    /** The server itself, to stop and start it or to put a proxy in front. */
    public EmbeddedPostgresServer server() {
        return server;
    }

    /** A store configuration for a JDBC URL on this server (e.g. through a proxy); the server speaks no TLS. */
    public static StoreConfig storeConfig(String jdbcUrl) {
        return new StoreConfig(Stores.POSTGRESQL, withoutTls(jdbcUrl), EmbeddedPostgresServer.user(), "");
    }
}
