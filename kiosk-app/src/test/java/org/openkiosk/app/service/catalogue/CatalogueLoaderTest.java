package org.openkiosk.app.service.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoaderTest {

    @TempDir
    Path dir;

    final CatalogueLoader loader = new CatalogueLoader();

    @Test
    void theShippedCatalogueIsValid() throws Exception {
        ServiceCatalogue catalogue = loader.loadDefault();
        assertThat(catalogue.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(catalogue.bookableServices()).extracting(ServiceDefinition::code).containsExactly("exit-entry", "household");
        assertThat(catalogue.certificate("no-criminal-record")).hasValueSatisfying(r -> assertThat(r.printLimit()).isEqualTo(3));
        assertThat(loader.loadFromConfigDir(dir)).isEqualTo(catalogue); // no services.yaml: the default
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() throws Exception {
        Path file = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services:
                  - code: x
                    titleZh: 甲
                    titleEn: X
                    counterType: x
                    ticketPrefix: A
                    averageServiceMinutes: 5
                    capacty: 3
                certificates: []
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(CatalogueException.class,
                e -> assertThat(e.getMessage()).contains("capacty").contains("services[0]"));
    }

    @Test
    void outOfRangeValuesAreListedTogether() throws Exception {
        Path file = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services:
                  - code: Bad Code
                    titleZh: 甲
                    titleEn: X
                    counterType: x
                    ticketPrefix: a
                    averageServiceMinutes: 0
                    appointment:
                      slotMinutes: 30
                      capacityPerSlot: 0
                      leadTimeMinutes: 0
                      cutOffMinutes: 0
                      horizonDays: 7
                      workingPlan: {days: [MONDAY], periods: ["09:00-09:20"]}
                certificates:
                  - {type: residence, numberPrefix: JZZ, reprintLimit: -1}
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(CatalogueException.class, e ->
                assertThat(e.problems()).anyMatch(p -> p.contains("services[0].code"))
                        .anyMatch(p -> p.contains("ticketPrefix"))
                        .anyMatch(p -> p.contains("averageServiceMinutes"))
                        .anyMatch(p -> p.contains("capacityPerSlot"))
                        .anyMatch(p -> p.contains("shorter than one slot"))
                        .anyMatch(p -> p.contains("reprintLimit")));
    }

    @Test
    void wrongTypesAndBadPeriodsAreErrors() throws Exception {
        Path wrongType = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: soon, lateMinutes: 15}
                services: []
                certificates: []
                """);
        assertThatThrownBy(() -> loader.load(wrongType)).isInstanceOfSatisfying(CatalogueException.class,
                e -> assertThat(e.getMessage()).contains("checkIn.earlyMinutes"));
        Path badZone = write("""
                zone: Mars/Olympus
                checkIn: {earlyMinutes: 1, lateMinutes: 15}
                services: []
                certificates: []
                """);
        assertThatThrownBy(() -> loader.load(badZone)).isInstanceOf(CatalogueException.class);
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"))).isInstanceOfSatisfying(
                CatalogueException.class, e -> assertThat(e.getMessage()).contains("not found"));
    }

    @Test
    void theHttpPlatformNeedsAUrlAndSaneTimeouts() throws Exception {
        Path file = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates: []
                platform: {type: http, baseUrl: "ftp://x", requestTimeoutMs: 10}
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(CatalogueException.class, e ->
                assertThat(e.problems()).anyMatch(p -> p.contains("platform.baseUrl"))
                        .anyMatch(p -> p.contains("timeouts")));
        Path ok = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates: []
                platform: {type: http, baseUrl: "https://platform.example.gov.cn/kiosk", tokenEnvironment: KIOSK_PLATFORM_TOKEN}
                """);
        PlatformSettings settings = loader.load(ok).platform();
        assertThat(settings.requestTimeout()).isEqualTo(8_000);
        assertThat(loader.loadDefault().platform().type()).isEqualTo(PlatformSettings.EMBEDDED);
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve(CatalogueLoader.FILE_NAME);
        Files.writeString(file, yaml);
        return file;
    }
}
