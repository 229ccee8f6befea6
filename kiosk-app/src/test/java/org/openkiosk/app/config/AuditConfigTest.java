package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.audit.AuditKey;

/** The {@code audit:} section of kiosk.yaml: the key is checked where it is named, with file:line and a hint. */
class AuditConfigTest {

    static final String KIOSK = """
            kiosk: { id: K-01, hallId: H-01, hallName: { zh: 大厅, en: Hall } }
            """;

    @TempDir
    Path dir;

    KioskConfig parse(String audit, Map<String, String> environment) throws ConfigException {
        return ConfigLoader.parse("kiosk.yaml", KIOSK + audit, environment::get);
    }

    ConfigProblem problemOf(String audit, Map<String, String> environment) {
        try {
            parse(audit, environment);
        } catch (ConfigException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("expected a configuration problem");
    }

    @Test
    void withoutASectionTheKeyIsGeneratedUnderTheDataDirectory() throws Exception {
        assertThat(parse("", Map.of()).audit()).isEqualTo(AuditSettings.defaults());
    }

    @Test
    void aKeyFileOnlyTheKioskUserCanReadIsAccepted() throws Exception {
        Path key = dir.resolve("audit.key");
        AuditKey.loadOrGenerate(key);
        AuditSettings audit = parse("audit:\n  keyFile: " + key + "\n  headFile: /var/lib/kiosk/audit.head\n",
                Map.of()).audit();
        assertThat(audit.keyFile()).contains(key);
        assertThat(audit.headFile()).contains(Path.of("/var/lib/kiosk/audit.head"));
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        Path key = dir.resolve("audit.key");
        Files.writeString(key, "0f".repeat(32));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
        ConfigProblem p = problemOf("audit:\n  keyFile: " + key + "\n", Map.of());
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.fieldPath()).isEqualTo("audit.keyFile");
        assertThat(p.message()).contains("can be read or written by others").contains("chmod 600");
    }

    @Test
    void aMissingOrRelativeKeyFileIsNamed() {
        assertThat(problemOf("audit: { keyFile: " + dir.resolve("none.key") + " }\n", Map.of()).message())
                .contains("does not exist");
        ConfigProblem relative = problemOf("audit: { keyFile: keys/audit.key }\n", Map.of());
        assertThat(relative.message()).contains("absolute path");
        assertThat(relative.hint()).contains("./kiosk audit keygen --out");
    }

    @Test
    void aKeyFileThatIsNotAKeyIsRefusedWithoutShowingItsContent() throws Exception {
        Path key = dir.resolve("audit.key");
        Files.writeString(key, "my-secret-password");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        ConfigProblem p = problemOf("audit: { keyFile: " + key + " }\n", Map.of());
        assertThat(p.message()).contains("64 hex digits").doesNotContain("my-secret-password");
    }

    @Test
    void aKeyFromTheEnvironment() throws Exception {
        assertThat(parse("audit: { keyEnv: KIOSK_AUDIT_KEY }\n", Map.of("KIOSK_AUDIT_KEY", "a1".repeat(32)))
                .audit().keyVariable()).contains("KIOSK_AUDIT_KEY");
        assertThat(problemOf("audit: { keyEnv: KIOSK_AUDIT_KEY }\n", Map.of()).message())
                .isEqualTo("environment variable KIOSK_AUDIT_KEY is not set");
        assertThat(problemOf("audit: { keyEnv: KIOSK_AUDIT_KEY }\n", Map.of("KIOSK_AUDIT_KEY", "short")).message())
                .contains("does not hold an audit key");
    }

    @Test
    void notBothAndNoUnknownKeys() throws Exception {
        Path key = dir.resolve("audit.key");
        AuditKey.loadOrGenerate(key);
        assertThat(problemOf("audit: { keyFile: " + key + ", keyEnv: K }\n", Map.of("K", "a1".repeat(32))).message())
                .isEqualTo("give keyFile or keyEnv, not both");
        assertThat(problemOf("audit: { keyFlie: " + key + " }\n", Map.of()).fieldPath()).isEqualTo("audit.keyFlie");
        assertThat(problemOf("audit: { headFile: audit.head }\n", Map.of()).message()).contains("absolute path");
    }

    @Test
    void theKeyNeverEntersTheConfiguration() throws Exception {
        Path key = dir.resolve("audit.key");
        AuditKey.loadOrGenerate(key);
        String hex = Files.readString(key).strip();
        assertThat(parse("audit: { keyFile: " + key + " }\n", Map.of()).toString()).doesNotContain(hex);
        assertThatThrownBy(() -> AuditKey.fromHex("zz", "test")).hasMessageContaining("64 hex digits");
        assertThat(Optional.of(AuditKey.load(key).toString())).hasValueSatisfying(s -> assertThat(s).doesNotContain(hex));
    }
}
