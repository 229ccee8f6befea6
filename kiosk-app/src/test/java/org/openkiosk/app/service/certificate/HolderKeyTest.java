package org.openkiosk.app.service.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.platform.DemoData;

class HolderKeyTest {

    @TempDir
    Path config;

    static final String SECRET_A = "a".repeat(32);
    static final String SECRET_B = "b".repeat(32);

    @Test
    void theKeyDependsOnTheSecretAndIsNotThePlainHash() {
        String a = HolderKey.withSecret(SECRET_A.getBytes(StandardCharsets.UTF_8)).of(DemoData.TEST_PERSON);
        String b = HolderKey.withSecret(SECRET_B.getBytes(StandardCharsets.UTF_8)).of(DemoData.TEST_PERSON);
        assertThat(a).hasSize(64).isNotEqualTo(b).isNotEqualTo(HolderKey.legacy(DemoData.TEST_PERSON));
        assertThat(HolderKey.withSecret(SECRET_A.getBytes(StandardCharsets.UTF_8)).of(DemoData.TEST_PERSON))
                .as("stable: kiosks of one network agree").isEqualTo(a);
        assertThat(HolderKey.withSecret(SECRET_A.getBytes(StandardCharsets.UTF_8)).of(DemoData.ZHANG)).isNotEqualTo(a);
    }

    @Test
    void theSecretComesFromTheEnvironmentThenTheFileElseTheDemoSecret() throws Exception {
        assertThat(HolderKey.load(config, Map.of(), false).isDemoSecret()).isTrue();
        Files.createDirectories(config.resolve("keys"));
        Files.writeString(config.resolve(HolderKey.FILE), SECRET_B + "\n");
        HolderKey fromFile = HolderKey.load(config, Map.of(), false);
        assertThat(fromFile.isDemoSecret()).isFalse();
        assertThat(fromFile.of(DemoData.TEST_PERSON))
                .isEqualTo(HolderKey.withSecret(SECRET_B.getBytes(StandardCharsets.UTF_8)).of(DemoData.TEST_PERSON));
        HolderKey fromEnvironment = HolderKey.load(config, Map.of(HolderKey.ENVIRONMENT, SECRET_A), false);
        assertThat(fromEnvironment.of(DemoData.TEST_PERSON))
                .isEqualTo(HolderKey.withSecret(SECRET_A.getBytes(StandardCharsets.UTF_8)).of(DemoData.TEST_PERSON));
        assertThat(fromEnvironment.toString()).doesNotContain(SECRET_A);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> HolderKey.load(config, Map.of(HolderKey.ENVIRONMENT, "short"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }
}
