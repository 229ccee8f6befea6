package org.openkiosk.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server from Maven artifacts, started once per test class when registered as an extension
 * ({@code @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();}).
 * Each test takes a fresh database with {@link #newDatabase()}. Fault-injection tests {@link #stop()} the server
 * and {@link #start()} it again on the same data directory and port: what was committed is still there.
 */
public final class EmbeddedPostgresServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** Starts the server; after {@link #stop()}, on the same data directory and port. */
    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off");
        // the data directory outlives a stop (initdb runs only while it is empty); close() removes it
        if (dataDirectory == null) {
            dataDirectory = Files.createTempDirectory("embedded-pg-");
        } else {
            builder.setPort(port);
        }
        builder.setCleanDataDirectory(false).setDataDirectory(dataDirectory);
        postgres = builder.start();
        port = postgres.getPort();
    }

    /** Stops the server (a fast shutdown, as an operator's {@code systemctl stop}); the data stays. */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            try {
                postgres.close();
            } finally {
                postgres = null;
            }
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public String newDatabase() throws SQLException {
        String name = "kiosk_" + DATABASES.incrementAndGet();
        try (Connection c = running().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    /** The JDBC URL of a database on this server, through its own port. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** The JDBC URL of the same database reached through another port (a {@link TcpProxy} in front). */
    public static String throughPort(String jdbcUrl, int otherPort) {
        return jdbcUrl.replaceFirst("//localhost:\\d+/", "//localhost:" + otherPort + "/");
    }

    public int port() {
        return port;
    }

    public static String user() {
        return "postgres";
    }

    private synchronized EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("the embedded PostgreSQL server is stopped");
        }
        return postgres;
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // a temporary directory; the OS cleans up what is left
            }
            dataDirectory = null;
        }
    }
}
