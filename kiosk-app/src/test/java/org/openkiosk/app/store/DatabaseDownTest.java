package org.openkiosk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.platform.PlatformUnavailableException;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;

/** A database that is not there, or goes away, gives a clear typed error and no half-done work. */
class DatabaseDownTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path tempDir;

    @Test
    void aClosedPortIsReportedAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        StoreConfig nowhere = new StoreConfig(Stores.POSTGRESQL, "jdbc:postgresql://127.0.0.1:" + closedPort + "/kiosk",
                "kiosk", "x");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Stores.open(nowhere, tempDir)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageNotContaining("password");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aBadConfigurationIsNamed() {
        assertThatThrownBy(() -> Stores.open(new StoreConfig("oracle", null, null, null), tempDir))
                .isInstanceOf(StoreException.class).hasMessageContaining("'oracle'");
        assertThatThrownBy(() -> Stores.open(new StoreConfig(Stores.POSTGRESQL, "jdbc:mysql://x/y", null, null), tempDir))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void aPostgresqlUrlWithoutSslmodeVerifiesTheServerAndSoRefusesOneWithoutTls() throws Exception {
        StoreConfig plain = new StoreConfig(Stores.POSTGRESQL, POSTGRES.plainUrl(), "postgres", "");
        assertThatThrownBy(() -> Stores.open(plain, tempDir).close())
                .as("sslmode=verify-full by default: a server without TLS is refused")
                .isInstanceOf(StoreException.class).hasMessageContaining("SSL");
        StoreConfig explicit = new StoreConfig(Stores.POSTGRESQL, PostgresServer.withoutTls(POSTGRES.plainUrl()),
                "postgres", "");
        Stores.open(explicit, tempDir).close();
    }

    @Test
    void postgresStoppingUnderTheKioskGivesTypedUnavailableErrors() throws Exception {
        StoreConfig config = POSTGRES.newDatabase();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Clock monday = Clock.fixed(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, zone).toInstant(), zone);
        try (Store store = Stores.open(config, tempDir)) {
            DemoData.seed(store, monday);
            CitizenServices services = new CitizenServices(store, new EmbeddedServicePlatform(store),
                    new CatalogueLoader().loadDefault(), new FakeCertificateRenderer(), new ScriptedA4Printer(),
                    new RecordingReceiptPort(), monday, "K-01", DemoData.DEMO_HALL);
            Identity who = new Identity(DemoData.ZHANG, Optional.of("张示例"), IdentitySource.CARD,
                    Optional.of(CardType.RESIDENT_ID), Optional.empty());
            services.appointments().book(who, "exit-entry", DemoData.DEMO_HALL, monday.instant().atZone(zone)
                    .toLocalDate().plusDays(1), LocalTime.of(10, 0));

            POSTGRES.server().stop();

            assertThatThrownBy(() -> services.ratings().rate("exit-entry",
                    org.openkiosk.app.service.rating.SatisfactionLevel.SATISFIED, Optional.empty()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> services.queries().progress(who))
                    .isInstanceOf(PlatformUnavailableException.class);
        }

    }
}
