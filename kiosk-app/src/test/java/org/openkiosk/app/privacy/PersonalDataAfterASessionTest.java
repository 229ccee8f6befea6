package org.openkiosk.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.maintenance.DeviceOverview;
import org.openkiosk.app.maintenance.DeviceReport;
import org.openkiosk.app.maintenance.DiagnosticsBundle;
import org.openkiosk.app.maintenance.RepositoryConfig;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.rating.SatisfactionLevel;

/**
 * The personal-data scan over a session it drives itself (ADR 0135): the demo kiosk identifies the synthetic
 * citizens by card, books, takes tickets, issues and prints a certificate, takes a rating and exports a diagnostics
 * bundle, in a directory that is kept under the build's test output. Then nothing the kiosk wrote there (audit head,
 * fleet journal, diagnostics bundle, exports), nor the test log, holds a full ID number or a name. The whole
 * build's outputs are scanned again after the suite by the {@code verify} step.
 */
class PersonalDataAfterASessionTest {

    @TempDir
    Path tmp;

    @Test
    void aWholeDemoSessionLeavesNoFullIdNumberOrNameInWhatTheKioskWrote() throws Exception {
        Path session = Files.createDirectories(testOutput().resolve("privacy-session-" + System.nanoTime()));
        Path configDir = RepositoryConfig.copyTo(session.resolve("config"));
        Path dataDir = session.resolve("data");
        KioskConfig config = ConfigLoader.load(configDir);
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, dataDir, true,
                Clock.systemDefaultZone())) {
            var services = runtime.services();
            for (var person : List.of(new CardIdentity(CardType.RESIDENT_ID, "张示例", DemoData.ZHANG),
                    new CardIdentity(CardType.RESIDENT_ID, "李样例", DemoData.LI),
                    new CardIdentity(CardType.RESIDENT_ID, "王演示", DemoData.WANG))) {
                Identity who = services.identification().fromCard(person);
                services.queue().walkIn(Optional.of(who), runtime.catalogue().services().get(0).code());
                services.queries().progress(who);
                services.queries().appointments(who);
            }
            Identity zhang = services.identification().fromCard(
                    new CardIdentity(CardType.RESIDENT_ID, "张示例", DemoData.ZHANG));
            book(runtime, zhang);
            services.certificates().issue(zhang, "no-criminal-record");
            services.ratings().rate(runtime.catalogue().services().get(0).code(), SatisfactionLevel.SATISFIED,
                    Optional.empty());
            DeviceOverview overview = new DeviceOverview(runtime);
            try {
                new DiagnosticsBundle(configDir, dataDir, Clock.systemDefaultZone())
                        .kioskId(config.kiosk().id())
                        .deviceReport(() -> DeviceReport.format(overview.snapshot(), List.of()))
                        .auditCheck(() -> services.audit().verify())
                        .export(Optional.empty());
            } finally {
                overview.close();
            }
        }
        assertThat(Files.list(dataDir.resolve(DiagnosticsBundle.DIRECTORY))).as("a diagnostics bundle").isNotEmpty();

        List<PersonalDataScan.Finding> findings = PersonalDataScan.scan(List.of(session, testLog()));
        assertThat(findings).as("full ID numbers or names in what the kiosk and the tests wrote").isEmpty();
    }

    @Test
    void theScanFindsANumberOrANameAndSaysWhereWithoutRepeatingIt() throws Exception {
        Files.writeString(tmp.resolve("kiosk.log"), "06:00 INFO ok\n06:01 INFO lookup " + DemoData.ZHANG.value()
                + " done\n");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp.resolve("bundle.zip")))) {
            zip.putNextEntry(new ZipEntry("logs/kiosk.log"));
            zip.write("first\nsecond\nname 李样例\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.writeString(tmp.resolve("receipt.pdf"), DemoData.ZHANG.value()); // a document for the citizen

        List<PersonalDataScan.Finding> findings = PersonalDataScan.scan(List.of(tmp));

        assertThat(findings).extracting(PersonalDataScan.Finding::toString).containsExactlyInAnyOrder(
                tmp.resolve("kiosk.log") + ":2: the full ID number of the demo citizen Zhang",
                tmp.resolve("bundle.zip") + "!logs/kiosk.log:3: the name of the demo citizen Li");
        assertThat(findings.toString()).doesNotContain(DemoData.ZHANG.value());
    }

    private static void book(DefaultKioskRuntime runtime, Identity who) {
        var appointments = runtime.services().appointments();
        ServiceDefinition service = appointments.bookableServices().get(0);
        for (LocalDate day : appointments.daysWithFreeSeats(service.code(), DemoData.DEMO_HALL)) {
            var slot = appointments.day(service.code(), DemoData.DEMO_HALL, day).stream()
                    .filter(org.openkiosk.app.service.appointment.SlotAvailability::bookable).findFirst();
            if (slot.isPresent()) {
                appointments.book(who, service.code(), DemoData.DEMO_HALL, day, slot.get().start());
                return;
            }
        }
    }

    /** The build's test output directory (surefire sets it), kept after the run for the {@code verify} scan. */
    static Path testOutput() {
        return Path.of(System.getProperty("kiosk.test.output", "target/test-output"));
    }

    /** Every line the tests of this JVM logged, written through the masking encoder (logback-test.xml). */
    static Path testLog() {
        return testOutput().resolve("test-log.txt");
    }
}
