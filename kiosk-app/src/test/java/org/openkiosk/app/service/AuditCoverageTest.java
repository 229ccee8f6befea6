package org.openkiosk.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.maintenance.MaintenanceAccess;
import org.openkiosk.app.maintenance.MaintenanceAudit;
import org.openkiosk.app.maintenance.PinHash;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.BackgroundAudit;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.FaceVerificationOutcome;
import org.openkiosk.app.service.identity.IdentificationException;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Stores;

/**
 * Not only changes are in the keyed trail: identifications (method, outcome, masked number), queries of personal
 * data, face verifications (outcome only) and maintenance (PIN attempts, actions, out of service) — on a real H2
 * store, with no full ID number or name in any record.
 */
class AuditCoverageTest {

    @TempDir
    Path tempDir;

    Store store;
    MutableClock clock;
    CitizenServices services;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(StoreBackend.h2().newStoreConfig(tempDir), tempDir);
        clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        DemoData.seed(store, clock);
        services = new CitizenServices(store, new EmbeddedServicePlatform(store), new CatalogueLoader().loadDefault(),
                new FakeCertificateRenderer(), new ScriptedA4Printer(), new RecordingReceiptPort(), clock, "K-01",
                DemoData.DEMO_HALL, AuditKey.ephemeral(), Optional.empty(),
                org.openkiosk.app.service.certificate.HolderKey.demo());
    }

    @AfterEach
    void close() {
        services.auditInBackground().close();
        store.close();
    }

    @Test
    void identificationsAreRecordedWithMethodOutcomeAndTheMaskedNumber() throws Exception {
        services.identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试", DemoData.TEST_PERSON));
        assertThatThrownBy(() -> services.identification().fromCard(new CardIdentity(
                CardType.FOREIGN_PERMANENT_RESIDENCE, "测试", DemoData.TEST_PERSON)))
                .isInstanceOf(IdentificationException.class);
        assertThatThrownBy(() -> services.identification().fromTypedNumber("110105194912310021", Optional.empty()))
                .isInstanceOf(IdentificationException.class); // wrong check character
        // a well-formed typed number is confirmed without asking the platform (ADR 0110): recorded as identified
        services.identification().fromTypedNumber(DemoData.withCheck("11010519900101777").value(), Optional.empty());
        assertThatThrownBy(() -> services.identification().fromAppointmentQr("not a slip"))
                .isInstanceOf(IdentificationException.class);

        assertThat(records()).containsExactly(
                "IDENTIFIED identification cardType=RESIDENT_ID;holder=1101**********002X;method=CARD;outcome=IDENTIFIED",
                "IDENTIFICATION_FAILED identification cardType=FOREIGN_PERMANENT_RESIDENCE;holder=1101**********002X;"
                        + "method=CARD;outcome=CARD_TYPE_MISMATCH",
                "IDENTIFICATION_FAILED identification method=TYPED_NUMBER;outcome=CHECK_DIGIT",
                "IDENTIFIED identification holder=1101**********777" + DemoData.withCheck("11010519900101777")
                        .value().charAt(17) + ";method=TYPED_NUMBER;outcome=IDENTIFIED",
                "IDENTIFICATION_FAILED identification method=APPOINTMENT_QR;outcome=NOT_AN_APPOINTMENT_CODE");
        assertNoPersonalData();
        assertThat(services.audit().verify().intact()).isTrue();
    }

    @Test
    void queriesOfPersonalDataAndFaceVerificationsAreRecorded() throws Exception {
        Identity who = services.identification().fromCard(
                new CardIdentity(CardType.RESIDENT_ID, "测试", DemoData.TEST_PERSON));
        services.appointments().book(who, "exit-entry", DemoData.DEMO_HALL, LocalDate.of(2026, 11, 24),
                LocalTime.of(10, 0));
        int progress = services.queries().progress(who).size();
        services.queries().appointments(who);
        int certificates = services.queries().certificates(who).size();
        services.queries().guides(); // public: not a query of personal data
        services.identification().recordFaceVerification(who, FaceVerificationOutcome.NO_MATCH);

        assertThat(records()).contains(
                "PERSONAL_DATA_QUERIED query:progress holder=1101**********002X;items=" + progress,
                "PERSONAL_DATA_QUERIED query:appointments holder=1101**********002X;items=1",
                "PERSONAL_DATA_QUERIED query:certificates holder=1101**********002X;items=" + certificates,
                "FACE_VERIFIED identification holder=1101**********002X;outcome=NO_MATCH");
        assertThat(records()).filteredOn(r -> r.startsWith("PERSONAL_DATA_QUERIED")).hasSize(3);
        assertNoPersonalData();
    }

    @Test
    void maintenanceIsRecordedOffTheCallersThreadWithoutThePin() throws Exception {
        BackgroundAudit chain = services.auditInBackground();
        MaintenanceAccess access = new MaintenanceAccess(Optional.of(PinHash.create("482913".toCharArray(),
                PinHash.MIN_ITERATIONS)), clock, new MaintenanceAudit("K-01", Optional.of(chain)));
        access.enter("111111".toCharArray());
        access.enter("482913".toCharArray());
        access.action("check-receiptPrinter", "test page printed");
        access.action("out-of-service", "E-MAINT paper jam 11010519491231002X");
        access.action("back-in-service", "in service");
        new MaintenanceAudit("K-01", Optional.of(chain)).configurationChanged("kiosk.yaml", "maintenance-screen",
                "ab".repeat(32));
        access.exit("exit");
        chain.close(); // waits for the queued records

        assertThat(records()).containsExactly(
                "MAINTENANCE_PIN_REFUSED maintenance failures=1/5",
                "MAINTENANCE_ENTERED maintenance via=pin",
                "MAINTENANCE_ACTION maintenance:check-receiptPrinter outcome=test page printed",
                "OUT_OF_SERVICE maintenance:out-of-service outcome=E-MAINT paper jam 1101**********002X",
                "BACK_IN_SERVICE maintenance:back-in-service outcome=in service",
                "CONFIGURATION_CHANGED config:kiosk.yaml how=maintenance-screen;sha256=" + "ab".repeat(32),
                "MAINTENANCE_EXITED maintenance reason=exit");
        assertThat(records()).noneMatch(r -> r.contains("482913") || r.contains("111111"));
        assertNoPersonalData();
        assertThat(services.audit().verify().intact()).isTrue();
    }

    /** action, subject and details of every record, in order. */
    List<String> records() {
        return store.inTransaction(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT action, subject, details FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        });
    }

    void assertNoPersonalData() {
        assertThat(records()).noneMatch(r -> r.contains(DemoData.TEST_PERSON.value()) || r.contains("测试"));
    }
}
