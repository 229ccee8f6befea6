package org.openkiosk.app.service.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Stores;

/** The embedded demo platform implements the issue call from its store (ADR 0054). */
class EmbeddedCertificateIssueTest {

    @TempDir
    Path tempDir;
    Store store;
    EmbeddedServicePlatform platform;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(StoreBackend.h2().newStoreConfig(tempDir), tempDir);
        // 2026-11-30 17:00 UTC is already 1 December in Shanghai: the issue date is the hall's local date
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T17:00:00Z"));
        DemoData.seed(store, clock);
        platform = new EmbeddedServicePlatform(store, clock, ZoneId.of("Asia/Shanghai"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void issuesTheStoredPersonsCertificateWithItsContent() {
        IssuedCertificate c = platform.issueCertificate(DemoData.TEST_PERSON, "no-criminal-record", "WFZ202600000001",
                "K-0101", false);
        assertThat(c.number()).isEqualTo("WFZ202600000001");
        assertThat(c.holderName()).isEqualTo("测试");
        assertThat(c.issueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(c.validUntil()).contains(LocalDate.of(2027, 2, 28));
        assertThat(c.fields()).containsKey("address");
        assertThat(c.signature()).isEmpty();
        assertThat(platform.issueCertificate(DemoData.TEST_PERSON, "household-registration", "H1", "K-0101", true)
                .fields()).containsKeys("address", "householder", "relation");
    }

    @Test
    void everyShippedTemplateGetsEveryFieldItListsFromTheDemoPlatform() throws Exception {
        // the demo kiosk prints every shipped certificate: the embedded platform must issue each template's fields
        org.openkiosk.app.certificate.CertificateTemplates templates =
                org.openkiosk.app.certificate.CertificateTemplates.load(Path.of("..", "config"));
        assertThat(templates.types()).hasSize(3);
        for (String type : templates.types()) {
            IssuedCertificate c = platform.issueCertificate(DemoData.TEST_PERSON, type, "N-" + type.length(), "K-0101",
                    false);
            assertThat(c.fields()).as(type).containsKeys(templates.get(type).fields().toArray(String[]::new));
            assertThat(c.fields().values()).as(type).allSatisfy(v -> assertThat(v).isNotBlank());
        }
    }

    @Test
    void someoneWithoutTheEntitlementIsRefused() {
        // 王演示 is a demo citizen without certificates
        assertThatThrownBy(() -> platform.issueCertificate(DemoData.WANG, "residence", "R1", "K-0101", false))
                .isInstanceOfSatisfying(CertificateRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_ELIGIBLE"));
    }
}
