package org.openkiosk.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigException;

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
    void everyDefectOfEveryTemplateIsLocated() throws Exception {
        Path certificates = Files.createDirectories(dir.resolve("certificates"));
        Files.writeString(certificates.resolve("residence.yaml"), String.join("\n",
                "type: residence",
                "title: 居住证明",
                "fields: [address, name]",
                "body:",
                "  - \"兹证明{name}居住在{adress}。\"",
                "issuingOffice: 示例街道办事处",
                "footr: x",
                "seal:",
                "  image: seals/none.png", ""));
        Files.writeString(certificates.resolve("other.yaml"), String.join("\n",
                "type: residence-x", "title: 证明", "issuingOffice: 示例", "body: []", ""));
        Files.writeString(certificates.resolve("old.yml"), "type: old\n");

        assertThatThrownBy(() -> CertificateTemplates.read(dir)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(Object::toString).containsExactly(
                        "certificates/old.yml not read: templates end in .yaml (rename it to old.yaml)",
                        "certificates/other.yaml:1 type: type \"residence-x\" in a file named other.yaml (name the file "
                                + "residence-x.yaml, or write type: other)",
                        "certificates/other.yaml:1 body: missing (list the paragraphs, e.g. body: [\"兹证明{name}……\"])",
                        "certificates/residence.yaml:3 fields[1]: \"name\" is always available (remove it from "
                                + "fields: (idNumber, issueDate, name, number need no declaration))",
                        "certificates/residence.yaml:5 body[0]: {adress} is not a field of this template (declare it "
                                + "under fields:, or use one of idNumber, issueDate, name, number, address)",
                        "certificates/residence.yaml:7 footr: unknown key \"footr\" (did you mean \"footer\"?)",
                        "certificates/residence.yaml:9 seal.image: seal image " + dir.resolve("seals/none.png")
                                + " does not exist (a PNG path relative to the configuration directory, e.g. "
                                + "seals/office.png)"));
    }

    @Test
    void noDirectoryReadsAsNoTemplatesButLoadNeedsOne() throws Exception {
        assertThat(CertificateTemplates.read(dir).types()).isEmpty();
        assertThatThrownBy(() -> CertificateTemplates.load(dir)).hasMessageContaining("no certificate templates");
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
