package org.openkiosk.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openkiosk.device.idcard.IdNumber;

/**
 * Both signing modes (ADR 0054) and both algorithms (ADR 0055) end to end: keys generated to PEM files, a
 * certificate rendered and signed (by the kiosk, or by the authority and checked by the kiosk), then verified
 * from the PDF like anyone would; tampering, revocation and unknown keys are caught.
 */
class SigningModesTest {

    @TempDir
    Path dir;

    static final IdNumber HOLDER = CertificateFixtures.request("residence").idNumber();

    static CertificateRequest residence(Optional<AuthoritySignature> signature) {
        return new CertificateRequest("residence", "测试䶮", HOLDER,
                Map.of("address", "示例市示例路1号", "since", "2015年3月1日"), LocalDate.of(2026, 11, 23), "RES-2026-1",
                Optional.of(LocalDate.of(2027, 2, 22)), signature);
    }

    CertificateSigner fileSigner(String keyId, SigningAlgorithm algorithm) throws Exception {
        CertificateKeys.generate(dir, keyId, "test", algorithm);
        return new CertificateSigner(keyId, CertificateKeys.readPrivate(dir.resolve(keyId + CertificateKeys.PRIVATE_SUFFIX)));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ED25519", "SM2"})
    void aKioskSignedCertificateVerifiesWithEitherAlgorithm(SigningAlgorithm algorithm) throws Exception {
        CertificateSigner signer = fileSigner("K-0101-2026", algorithm);
        assertThat(signer.algorithm()).isEqualTo(algorithm);
        PublicKeyCheck.assertAlgorithm(dir.resolve("K-0101-2026.public.pem"), algorithm);

        RenderedCertificate certificate = new CertificateRenderer(CertificateFixtures.templates(), signer, false)
                .render(residence(Optional.empty()));
        CertificateVerifier verifier = new CertificateVerifier(TrustedKeys.fromDirectory(dir), RevokedKeys.none(), false);
        VerificationResult result = verifier.verifyPdf(certificate.pdf());

        assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.VALID);
        CertificatePayload payload = result.payload().orElseThrow();
        assertThat(payload.validUntil()).contains(LocalDate.of(2027, 2, 22));
        assertThat(payload.issuerName()).contains("示例市示例区示例街道办事处");
        assertThat(payload.keyId()).isEqualTo("K-0101-2026");

        // one changed character of the signed part breaks the signature, whatever the algorithm
        String forged = payload.encode().replace("|RES-2026-1|", "|RES-2026-2|");
        assertThat(verifier.verifyPayload(forged).verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        // a revoked key no longer verifies, even with a good signature
        CertificateVerifier revoking = new CertificateVerifier(TrustedKeys.fromDirectory(dir),
                new RevokedKeys(Set.of("K-0101-2026")), false);
        assertThat(revoking.verifyPdf(certificate.pdf()).verdict()).isEqualTo(Verdict.REVOKED_KEY);
    }

    @Test
    void sm2SignaturesAreSm3WithSm2AndNotInterchangeableWithEd25519() throws Exception {
        CertificateSigner sm2 = fileSigner("K-SM2", SigningAlgorithm.SM2);
        CertificatePayload signed = sm2.sign(CertificateContent.unsignedPayload(
                CertificateFixtures.templates().get("residence"), residence(Optional.empty()), "K-SM2"));
        // verified independently with Bouncy Castle's SM3withSM2 (GM/T 0009 default signer id)
        java.security.Signature check = java.security.Signature.getInstance("SM3withSM2", SigningAlgorithm.bouncyCastle());
        check.initVerify(CertificateKeys.readPublic(dir.resolve("K-SM2.public.pem")));
        check.update(signed.signedBytes());
        assertThat(check.verify(signed.signature())).isTrue();
        // the same bytes under an Ed25519 key of the same id do not verify
        Path other = dir.resolve("other");
        CertificateKeys.generate(other, "K-SM2", "", SigningAlgorithm.ED25519);
        assertThat(new CertificateVerifier(TrustedKeys.fromDirectory(other)).verifyPayload(signed.encode()).verdict())
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"ED25519", "SM2"})
    void anAuthoritySignedCertificateIsCheckedBeforeItIsDrawn(SigningAlgorithm algorithm) throws Exception {
        CertificateSigner authority = fileSigner("province-2026", algorithm);
        Files.delete(dir.resolve("province-2026.private.pem")); // the kiosk holds only the public key
        CertificateTemplate template = CertificateFixtures.templates().get("residence");
        AuthoritySignature signature = new AuthoritySignature("province-2026",
                authority.sign(CertificateContent.unsignedPayload(template, residence(Optional.empty()), "province-2026"))
                        .signature());
        TrustedKeys trusted = TrustedKeys.fromDirectory(dir);
        CertificateRenderer kiosk = new CertificateRenderer(CertificateFixtures.templates(),
                new AuthoritySignatureCheck(trusted, RevokedKeys.none()), false);

        RenderedCertificate certificate = kiosk.render(residence(Optional.of(signature)));
        assertThat(new CertificateVerifier(trusted, RevokedKeys.none(), false).verifyPdf(certificate.pdf()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(certificate.payload().keyId()).isEqualTo("province-2026");

        // content that differs from what the authority signed is never printed
        CertificateRequest altered = new CertificateRequest("residence", "测试䶮", HOLDER,
                Map.of("address", "另一个地址", "since", "2015年3月1日"), LocalDate.of(2026, 11, 23), "RES-2026-1",
                Optional.of(LocalDate.of(2027, 2, 22)), Optional.of(signature));
        assertThatThrownBy(() -> kiosk.render(altered)).isInstanceOf(CertificateSigningException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> kiosk.render(residence(Optional.empty())))
                .isInstanceOf(CertificateSigningException.class).hasMessageContaining("sent no signature");
        assertThatThrownBy(() -> kiosk.render(residence(Optional.of(new AuthoritySignature("nobody", new byte[64])))))
                .isInstanceOf(CertificateSigningException.class).hasMessageContaining("not among the trusted keys");
        CertificateRenderer revoking = new CertificateRenderer(CertificateFixtures.templates(),
                new AuthoritySignatureCheck(trusted, new RevokedKeys(Set.of("province-2026"))), false);
        assertThatThrownBy(() -> revoking.render(residence(Optional.of(signature))))
                .isInstanceOf(CertificateSigningException.class).hasMessageContaining("revoked");
    }

    @Test
    void aPrivateKeyFileOthersCanReadIsAConfigurationError() throws Exception {
        Path config = dir.resolve("config");
        CertificateKeys.generate(config.resolve("keys"), "K-0101-2026", "", SigningAlgorithm.ED25519);
        Files.writeString(config.resolve(SigningConfig.FILE_NAME), """
                mode: kiosk-signed
                signingKey: keys/K-0101-2026.private.pem
                trustedKeys: keys
                """);
        assertThat(SigningConfig.load(config).signer().keyId()).isEqualTo("K-0101-2026");
        assertThat(SigningConfig.validate(config, Optional.of("K-0101"), false, System::getenv)).isEmpty();

        Files.setPosixFilePermissions(config.resolve("keys/K-0101-2026.private.pem"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SigningConfig.load(config).signer()).hasMessageContaining("readable or writable by group/others")
                .hasMessageContaining("chmod 600");
        assertThat(SigningConfig.validate(config, Optional.of("K-0101"), false, System::getenv))
                .singleElement().hasToString("certificate-signing.yaml:2 signingKey: private key "
                        + config.resolve("keys/K-0101-2026.private.pem")
                        + " is readable or writable by group/others (mode rw-r--r--); make it readable by the kiosk user"
                        + " only: chmod 600 K-0101-2026.private.pem (fix the key file)");
    }

    /** Which algorithm a public key file holds, read back as a verifier would. */
    static final class PublicKeyCheck {
        static void assertAlgorithm(Path file, SigningAlgorithm expected) throws Exception {
            assertThat(SigningAlgorithm.of(CertificateKeys.readPublic(file))).isEqualTo(expected);
            assertThat(Files.readString(file)).contains("BEGIN PUBLIC KEY");
        }
    }
}
