package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.certificate.SigningAlgorithm;

/** {@code config validate} reports certificate-signing.yaml problems with file:line and exit 2 (ADR 0058). */
class SigningConfigValidationTest {

    @TempDir
    Path tmp;
    Path config;

    @BeforeEach
    void copyConfig() throws Exception {
        config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
    }

    CommandRun validate(String signingYaml) throws Exception {
        Files.writeString(config.resolve("certificate-signing.yaml"), signingYaml);
        return CommandRun.of("config", "validate", config.toString());
    }

    @Test
    void theShippedDemoSetUpIsValidAndCalledOutAsDemo() {
        CommandRun run = CommandRun.of("config", "validate", config.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("certificate-signing.yaml: kiosk-signed with ed25519 key demo-only-2026 (file)",
                "WARNING: the signing key is the published DEMO key");
    }

    @Test
    void aKioskOwnKeyMatchingItsPublishedHalfIsValid() throws Exception {
        CertificateKeys.generate(config.resolve("keys"), "K-0101-2026", "", SigningAlgorithm.SM2);
        CommandRun run = validate("""
                mode: kiosk-signed
                signingKey: keys/K-0101-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("kiosk-signed with sm2 key K-0101-2026 (file)").doesNotContain("WARNING");
    }

    @Test
    void fileProblemsAreLocated() throws Exception {
        CommandRun run = validate("""
                mode: kiosk-signd
                signingKey: keys/demo-only-2026.private.pem
                trustedKey: keys
                """);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.out()).contains(
                "certificate-signing.yaml:1 mode: unknown value \"kiosk-signd\" (did you mean \"kiosk-signed\"? known: kiosk-signed, authority-signed)",
                "certificate-signing.yaml:3 trustedKey: unknown key",
                "certificate-signing.yaml:1 trustedKeys: missing");
    }

    @Test
    void keysThatDoNotBelongTogetherOrDoNotNameTheKioskAreErrors() throws Exception {
        Path keys = config.resolve("keys");
        CertificateKeys.generate(keys, "K-0999-2026", "", SigningAlgorithm.ED25519);
        CommandRun otherKiosk = validate("""
                # kiosk.yaml says K-0101
                signingKey: keys/K-0999-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(otherKiosk.out()).contains("certificate-signing.yaml:2 signingKey: key id K-0999-2026 does not name this kiosk K-0101");
        CertificateKeys.generate(keys, "K-01012-2026", "", SigningAlgorithm.ED25519);
        CommandRun longerId = validate("""
                signingKey: keys/K-01012-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(longerId.out()).as("K-01012 is another kiosk, not K-0101")
                .contains("signingKey: key id K-01012-2026 does not name this kiosk K-0101");

        Path elsewhere = tmp.resolve("elsewhere");
        CertificateKeys.generate(elsewhere, "K-0101-2026", "", SigningAlgorithm.ED25519);
        Files.move(elsewhere.resolve("K-0101-2026.private.pem"), keys.resolve("K-0101-2026.private.pem"));
        CertificateKeys.generate(tmp.resolve("third"), "K-0101-2026", "", SigningAlgorithm.ED25519);
        Files.move(tmp.resolve("third/K-0101-2026.public.pem"), keys.resolve("K-0101-2026.public.pem"));
        CommandRun mismatch = validate("""
                signingKey: keys/K-0101-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(mismatch.out()).contains("certificate-signing.yaml:1 signingKey: the signing key does not match the"
                + " trusted public key K-0101-2026.public.pem");

        Files.writeString(keys.resolve("office.pem"), "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");
        Files.writeString(keys.resolve("K-0101-2027.public.pem"), "not a key");
        CommandRun badFiles = validate("""
                signingKey: keys/K-0101-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(badFiles.out()).contains("certificate-signing.yaml:2 trustedKeys: key file office.pem is not named ID.public.pem",
                "certificate-signing.yaml:2 trustedKeys: ", "K-0101-2027.public.pem");
    }

    @Test
    void modeSpecificRequirements() throws Exception {
        CommandRun authorityWithKey = validate("""
                mode: authority-signed
                signingKey: keys/demo-only-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(authorityWithKey.out()).contains("certificate-signing.yaml:2 signingKey: an authority-signed kiosk holds no signing key");

        CommandRun kioskWithoutKey = validate("""
                mode: kiosk-signed
                trustedKeys: keys
                """);
        assertThat(kioskWithoutKey.out()).contains("signingKey: a kiosk-signed kiosk needs its key");

        CommandRun noDirectory = validate("""
                mode: authority-signed
                trustedKeys: authority-keys
                revokedKeys: revoked.txt
                """);
        assertThat(noDirectory.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(noDirectory.out()).contains("certificate-signing.yaml:2 trustedKeys: directory ",
                "authority-keys does not exist", "certificate-signing.yaml:3 revokedKeys: revocation list ");

        Files.createDirectories(config.resolve("authority-keys"));
        CertificateKeys.generate(tmp.resolve("authority"), "province-2026", "", SigningAlgorithm.SM2);
        Files.copy(tmp.resolve("authority/province-2026.public.pem"), config.resolve("authority-keys/province-2026.public.pem"));
        Files.writeString(config.resolve("revoked.txt"), "# stolen 2026-11-20\nK-0102-2026\n");
        CommandRun authority = validate("""
                mode: authority-signed
                trustedKeys: authority-keys
                revokedKeys: revoked.txt
                """);
        assertThat(authority.exitCode()).as(authority.out()).isEqualTo(ExitCodes.OK);
        assertThat(authority.out()).contains("authority-signed (trusted keys [province-2026])");
    }
}
