package org.openkiosk.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedTemplatesLoad() throws Exception {
        CertificateTemplates templates = CertificateFixtures.templates();
        assertThat(templates.types()).containsExactly("household-registration", "no-criminal-record", "residence");
        assertThat(templates.get("no-criminal-record").title()).isEqualTo("无犯罪记录证明");
        assertThat(templates.get("household-registration").fields()).contains("householder", "relation");
    }

    @Test
    void anUndeclaredPlaceholderFailsWithTheFileAndTheName() throws Exception {
        Files.createDirectories(dir.resolve("certificates"));
        Files.writeString(dir.resolve("certificates/bad.yaml"), String.join("\n",
                "type: bad", "title: 证明", "issuingOffice: 示例", "body:", "  - \"{name}住在{street}\""));
        assertThatThrownBy(() -> CertificateTemplates.load(dir)).hasMessageContaining("bad.yaml").hasMessageContaining("street");
    }

    @Test
    void aTemplateWithoutBodyOrTitleIsRejected() {
        assertThatThrownBy(() -> new CertificateTemplate("x-y", null, "证明", List.of(), List.of(), "示例", "", null))
                .hasMessageContaining("no body");
        assertThatThrownBy(() -> new CertificateTemplate("x-y", null, " ", List.of(), List.of("a"), "示例", "", null))
                .hasMessageContaining("title");
    }

    @Test
    void payloadFieldsMayNotContainTheSeparator() {
        assertThatThrownBy(() -> new CertificatePayload("A|B", "t", "测*", java.time.LocalDate.now(), new byte[32], "k", new byte[0]))
                .hasMessageContaining("|");
    }
}
