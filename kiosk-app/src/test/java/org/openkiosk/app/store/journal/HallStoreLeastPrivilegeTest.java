package org.openkiosk.app.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.Stores;
import org.openkiosk.testsupport.Poll;

/**
 * The roles of docs/hall-store.md: the schema migrated by its owner, kiosks connecting with only SELECT, INSERT and
 * UPDATE (and no UPDATE of the audit trail or the forwarded records) still open the store and forward their journal.
 */
class HallStoreLeastPrivilegeTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tempDir;

    @Test
    void aKioskWithTheDocumentedGrantsOpensTheStoreAndForwards() throws Exception {
        StoreConfig owner = POSTGRES.newDatabase();
        Stores.open(owner, tempDir).close(); // ./kiosk store migrate, as the owner
        String url = owner.url().replaceFirst("\\?.*$", "");
        try (Connection admin = DriverManager.getConnection(owner.url()); Statement sql = admin.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_app') THEN"
                    + " CREATE ROLE kiosk_app LOGIN PASSWORD 'app'; END IF; END $$");
            sql.execute("GRANT CONNECT ON DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " TO kiosk_app");
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT USAGE ON SCHEMA public TO kiosk_app");
            sql.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO kiosk_app");
            sql.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kiosk_app");
            sql.execute("REVOKE UPDATE ON audit_log, hall_record, hall_record_declined FROM kiosk_app");
        }
        Clock clock = Clock.systemUTC();
        try (Store hall = Stores.open(new StoreConfig(Stores.POSTGRESQL, PostgresServer.withoutTls(url), "kiosk_app",
                "app"), tempDir);
             Store local = Stores.open(new StoreConfig(Stores.EMBEDDED, tempDir.resolve("j").toString(), null, null),
                     tempDir)) {
            Journal journal = new Journal(local, clock, "K-03");
            local.inTransaction(c -> journal.append(c, RecordKind.RATING, Map.of("service", "s", "level", "5")));
            // a check-in the hall declines (no such appointment): it is received and its reason kept (ADR 0173)
            local.inTransaction(c -> journal.append(c, RecordKind.CHECK_IN, Map.of("booking", "NO-SUCH", "ticket",
                    "A001", "date", "2026-12-02", "counterType", "general", "priority", "0", "service", "s",
                    "issuedAt", "2026-12-02T01:00:00Z")));
            try (Shipper shipper = new Shipper(journal, HallInbox.standard(hall, clock, "H-1"), clock,
                    new Shipper.Settings(10, Duration.ofMillis(20), Duration.ofMillis(200))).start()) {
                Poll.until(Duration.ofSeconds(30), "forwarded", () -> shipper.status().waiting() == 0);
            }
            assertThatThrownBy(() -> hall.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE hall_record SET payload = '{}'"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("42501");
            assertThatThrownBy(() -> hall.inTransaction(c -> c.createStatement().executeUpdate(
                    "DELETE FROM rating"))).isInstanceOf(StoreException.class);
            int ratings = hall.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM rating")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(ratings).isEqualTo(1);
            assertThat(HallInbox.receiptOf(hall, journal.all().get(1).key()).orElseThrow().declined())
                    .contains("booking NOT_FOUND");
            assertThatThrownBy(() -> hall.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE hall_record_declined SET reason = 'x'"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("42501");
        }
    }
}
