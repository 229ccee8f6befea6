package org.openkiosk.app.cli.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.RevokedKeys;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.certificate.TrustedKeys;
import org.openkiosk.app.certificate.VerificationResult;
import org.openkiosk.app.certificate.Verdict;
import org.openkiosk.testsupport.RequiredTool;

/**
 * A kiosk key that lives in a PKCS#11 token (ADR 0056): a real SoftHSM2 token created in a temp directory
 * ({@code SOFTHSM2_CONF}); {@code certificate keygen --pkcs11} creates the key inside it, {@code certificate sample}
 * signs through Java's SunPKCS11 provider, and the certificate verifies with nothing but the public key file.
 * The kiosk commands run in a child JVM because a PKCS#11 module reads its configuration from the process
 * environment once.
 */
class Pkcs11SigningTest {

    static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "246810";

    @TempDir
    Path dir;

    record Run(int exit, String output) {}

    /**
     * A new SoftHSM2 token labelled {@code kiosk} (user PIN {@link #PIN}) in the test's directory; returns the
     * environment the kiosk needs for it ({@code SOFTHSM2_CONF}, {@code KIOSK_TOKEN_PIN}).
     */
    private Map<String, String> freshToken() throws Exception {
        Path softhsm = RequiredTool.command("softhsm2-util", "softhsm2");
        RequiredTool.require(Files.isRegularFile(Path.of(MODULE)), MODULE + " (Debian package softhsm2)");
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
        Map<String, String> env = Map.of("SOFTHSM2_CONF", conf.toString(), "KIOSK_TOKEN_PIN", PIN);
        Run init = run(env, softhsm.toString(), "--init-token", "--free", "--label", "kiosk", "--so-pin", "13579135",
                "--pin", PIN);
        assertThat(init.exit()).as(init.output()).isZero();
        return env;
    }

    @Test
    void aTokenKeySignsCertificatesThatVerifyWithItsPublicKey() throws Exception {
        Map<String, String> env = freshToken();

        Path config = dir.resolve("config");
        copyTemplates(config);
        Path keys = config.resolve("keys");
        Run keygen = kiosk(env, "certificate", "keygen", "--id", "K-0101-2026", "--dir", keys.toString(), "--pkcs11", MODULE);
        assertThat(keygen.exit()).as(keygen.output()).isZero();
        assertThat(keygen.output()).contains("created key K-0101-2026 (ecdsa-p256) in the PKCS#11 token");
        // only the public half is on disk
        try (Stream<Path> files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("K-0101-2026.public.pem");
        }
        Files.writeString(config.resolve(SigningConfig.FILE_NAME), """
                mode: kiosk-signed
                pkcs11:
                  library: %s
                  slotListIndex: 0
                  keyId: K-0101-2026
                  pinEnvironment: KIOSK_TOKEN_PIN
                trustedKeys: keys
                """.formatted(MODULE));

        Path pdf = dir.resolve("ncr.pdf");
        Run sample = kiosk(env, "certificate", "sample", "--type", "no-criminal-record", "--out", pdf.toString(),
                "--config", config.toString());
        assertThat(sample.exit()).as(sample.output()).isZero();

        VerificationResult result = new CertificateVerifier(TrustedKeys.fromDirectory(keys), RevokedKeys.none(), false)
                .verifyPdf(Files.readAllBytes(pdf));
        assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.VALID);
        assertThat(result.payload().orElseThrow().keyId()).isEqualTo("K-0101-2026");

        // a wrong PIN is a clear configuration error, not a crash
        Run wrongPin = kiosk(Map.of("SOFTHSM2_CONF", env.get("SOFTHSM2_CONF"), "KIOSK_TOKEN_PIN", "000000"), "certificate",
                "sample", "--type", "no-criminal-record", "--out", dir.resolve("x.pdf").toString(), "--config", config.toString());
        assertThat(wrongPin.exit()).as(wrongPin.output()).isEqualTo(2);
        assertThat(wrongPin.output()).contains("cannot log in to the PKCS#11 token", "check the PIN");
        // an SM2 key cannot be put in the token: said plainly
        Run sm2 = kiosk(env, "certificate", "keygen", "--id", "K-0101-SM2", "--dir", keys.toString(), "--pkcs11", MODULE,
                "--algorithm", "sm2");
        assertThat(sm2.exit()).isEqualTo(2);
        assertThat(sm2.output()).contains("sm2 keys are file keys");
    }

    @Test
    void configValidateRequiresATokenKeyIdThatNamesTheKiosk() throws Exception {
        Map<String, String> env = freshToken();
        // the whole repository configuration (kiosk.yaml says K-0101), signing from the token
        Path config = org.openkiosk.app.maintenance.RepositoryConfig.copyTo(dir.resolve("config"));
        Path keys = config.resolve("keys");
        for (String id : List.of("K-0999-2026", "K-0101-2026")) {
            Run keygen = kiosk(env, "certificate", "keygen", "--id", id, "--dir", keys.toString(), "--pkcs11", MODULE);
            assertThat(keygen.exit()).as(keygen.output()).isZero();
        }
        String signing = """
                mode: kiosk-signed
                pkcs11:
                  library: %s
                  slotListIndex: 0
                  keyId: %s
                  pinEnvironment: KIOSK_TOKEN_PIN
                trustedKeys: keys
                """;
        Files.writeString(config.resolve(SigningConfig.FILE_NAME), signing.formatted(MODULE, "K-0999-2026"));
        Run otherKiosk = kiosk(env, "config", "validate", config.toString());
        assertThat(otherKiosk.exit()).as(otherKiosk.output()).isEqualTo(2);
        assertThat(otherKiosk.output()).contains(
                "certificate-signing.yaml:5 pkcs11.keyId: key id K-0999-2026 does not name this kiosk K-0101");

        Files.writeString(config.resolve(SigningConfig.FILE_NAME), signing.formatted(MODULE, "K-0101-2026"));
        Run own = kiosk(env, "config", "validate", config.toString());
        assertThat(own.exit()).as(own.output()).isZero();
    }

    static void copyTemplates(Path config) throws IOException {
        Path templates = Files.createDirectories(config.resolve("certificates"));
        try (Stream<Path> files = Files.list(Path.of("..", "config", "certificates"))) {
            for (Path f : files.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
    }

    /** The kiosk program in a child JVM with the test's class path and the given environment. */
    static Run kiosk(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.openkiosk.app.Main"));
        command.addAll(List.of(args));
        return run(env, command.toArray(String[]::new));
    }

    static Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
