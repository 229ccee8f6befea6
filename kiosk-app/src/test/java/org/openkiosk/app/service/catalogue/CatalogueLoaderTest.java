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
    void anUnknownKeyIsAnErrorNamingItsLineAndTheClosestKnownKey() throws Exception {
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
                    titelEn: 3
                certificates: []
                """);
        assertThat(problems(file)).containsExactly(
                "services.yaml:10 services[0].titelEn: unknown key \"titelEn\" (did you mean \"titleEn\"?)");
    }

    @Test
    void everyOutOfRangeValueIsListedAtOnceWithItsLine() throws Exception {
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
                      workingPlan: {days: [MONDAY, MOONDAY], periods: ["09:00-09:20"]}
                certificates:
                  - {type: residence, numberPrefix: JZZ, reprintLimit: -1}
                """);
        assertThat(problems(file)).containsExactly(
                "services.yaml:4 services[0].code: \"Bad Code\" is not a valid service code (1-32 of a-z, 0-9 and -, e.g. exit-entry)",
                "services.yaml:8 services[0].ticketPrefix: \"a\" is not a ticket prefix (one or two capital letters, e.g. A)",
                "services.yaml:9 services[0].averageServiceMinutes: must be from 1 to 480, got 0",
                "services.yaml:12 services[0].appointment.capacityPerSlot: must be from 1 to 1000, got 0",
                "services.yaml:16 services[0].appointment.workingPlan.days[1]: \"MOONDAY\" is not a day of the week "
                        + "(known: MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY)",
                "services.yaml:16 services[0].appointment.workingPlan.periods[0]: period 09:00-09:20 is shorter than one "
                        + "slot (30 min) (lengthen it or shorten slotMinutes)",
                "services.yaml:18 certificates[0].reprintLimit: must be from 0 to 100, got -1");
    }

    @Test
    void wrongTypesMissingSectionsAndDuplicatesAreLocated() throws Exception {
        Path file = write("""
                zone: Mars/Olympus
                checkIn: {earlyMinutes: soon}
                services:
                  - {code: a, titleZh: 甲, titleEn: A, counterType: a, ticketPrefix: A, averageServiceMinutes: 5}
                  - {code: a, titleZh: 乙, titleEn: B, counterType: b, ticketPrefix: A, averageServiceMinutes: 5}
                certificates:
                  - {type: residence, numberPrefix: JZZ}
                  - {type: residence, numberPrefix: jz}
                """);
        assertThat(problems(file)).containsExactly(
                "services.yaml:1 zone: unknown time zone \"Mars/Olympus\" (e.g. Asia/Shanghai (a tz database name))",
                "services.yaml:2 checkIn.earlyMinutes: expected a whole number, got \"soon\" (write digits only, e.g. earlyMinutes: 1)",
                "services.yaml:2 checkIn.lateMinutes: missing (e.g. lateMinutes: 1)",
                "services.yaml:5 services[1].code: service code \"a\" appears twice (each service needs its own code)",
                "services.yaml:5 services[1].ticketPrefix: ticket prefix \"A\" is already used by counter type a "
                        + "(give each counter type its own prefix)",
                "services.yaml:8 certificates[1].type: certificate type \"residence\" appears twice (keep one entry per type)",
                "services.yaml:8 certificates[1].numberPrefix: \"jz\" is not a number prefix (2-6 capital letters, e.g. WFZ)");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"))).isInstanceOfSatisfying(
                CatalogueException.class, e -> assertThat(e.getMessage()).contains("file not found"));
    }

    @Test
    void aSyntaxErrorNamesItsLine() throws Exception {
        Path file = write("zone: Asia/Shanghai\ncheckIn:\n  earlyMinutes: 30\n lateMinutes: 15\n");
        assertThat(problems(file)).singleElement().asString().startsWith("services.yaml:4 YAML syntax error: ");
    }

    @Test
    void aCertificateTypeWithoutItsTemplateIsReportedOnItsLine() throws Exception {
        Path file = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates:
                  - type: residence
                    numberPrefix: JZZ
                  - type: no-criminal-record
                    numberPrefix: WFZ
                """);
        CatalogueLoader checking = new CatalogueLoader(type -> type.equals("residence") ? java.util.Optional.empty()
                : java.util.Optional.of("no certificate template certificates/" + type + ".yaml"));
        assertThatThrownBy(() -> checking.load(file)).isInstanceOfSatisfying(CatalogueException.class,
                e -> assertThat(e.problems()).containsExactly("services.yaml:7 certificates[1].type: no certificate "
                        + "template certificates/no-criminal-record.yaml (add the template, or remove this entry to "
                        + "stop offering the certificate)"));
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
        assertThat(problems(file)).containsExactlyInAnyOrder(
                "services.yaml:5 platform.baseUrl: \"ftp://x\" is not an http(s) URL (e.g. https://platform.example.gov.cn/kiosk)",
                "services.yaml:5 platform.requestTimeoutMs: must be from 100 to 120000, got 10");
        Path ok = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates: []
                platform: {type: http, baseUrl: "https://platform.example.gov.cn/kiosk", tokenEnvironment: KIOSK_PLATFORM_TOKEN}
                """);
        PlatformSettings settings = loader.load(ok).platform();
        assertThat(settings.requestTimeout()).isEqualTo(8_000);
        assertThat(settings.tokenEnvironment()).isEqualTo("KIOSK_PLATFORM_TOKEN");
        assertThat(loader.loadDefault().platform().type()).isEqualTo(PlatformSettings.EMBEDDED);
    }

    @Test
    void thePlatformIsReachedOnlyOverHttpsOutsideDemoAndTestInstallations() throws Exception {
        Path plain = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates: []
                platform: {type: http, baseUrl: "http://10.1.2.3/kiosk", maxReplyBytes: 100}
                """);
        CatalogueLoader production = new CatalogueLoader(t -> java.util.Optional.empty(), new InstallationFacts(false, false));
        assertThatThrownBy(() -> production.load(plain)).isInstanceOfSatisfying(CatalogueException.class, e ->
                assertThat(e.located().stream().map(Object::toString).toList()).containsExactlyInAnyOrder(
                        "services.yaml:5 platform.baseUrl: the service platform must be reached over https:// (ID"
                                + " numbers, face photos and certificates travel on this link) (use https://…; plain"
                                + " http:// only in ./kiosk demo or with kiosk.testInstallation: true)",
                        "services.yaml:5 platform.maxReplyBytes: must be from 1024 to 67108864, got 100"));
        Path demo = write("""
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates: []
                platform: {type: http, baseUrl: "http://127.0.0.1:8080/kiosk", maxReplyBytes: 65536, caFile: relative.pem}
                """);
        CatalogueLoader demoMode = new CatalogueLoader(t -> java.util.Optional.empty(), new InstallationFacts(true, false));
        assertThatThrownBy(() -> demoMode.load(demo)).isInstanceOfSatisfying(CatalogueException.class, e ->
                assertThat(e.located().stream().map(Object::toString).toList()).containsExactly(
                        "services.yaml:5 platform.caFile: \"relative.pem\" is not an absolute path"
                                + " (e.g. /etc/openkiosk/platform-ca.pem)"));
        Files.writeString(demo, Files.readString(demo).replace(", caFile: relative.pem", ""));
        assertThat(demoMode.load(demo).platform().maxReply()).isEqualTo(65_536);
    }

    private java.util.List<String> problems(Path file) {
        try {
            loader.load(file);
        } catch (CatalogueException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in " + file);
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve(CatalogueLoader.FILE_NAME);
        Files.writeString(file, yaml);
        return file;
    }
}
