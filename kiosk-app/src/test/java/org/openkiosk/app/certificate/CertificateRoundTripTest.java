package org.openkiosk.app.certificate;

import org.openkiosk.testsupport.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateRoundTripTest {

    static CertificateRenderer renderer;
    static CertificateVerifier verifier;
    static RenderedCertificate ncr;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderOnce() throws Exception {
        renderer = CertificateFixtures.renderer();
        verifier = CertificateFixtures.verifier();
        ncr = renderer.render(CertificateFixtures.request("no-criminal-record"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-criminal-record", "household-registration", "residence"})
    void everyShippedTypeRendersAndVerifies(String type) throws Exception {
        RenderedCertificate certificate = renderer.render(CertificateFixtures.request(type));
        VerificationResult result = verifier.verifyPdf(certificate.pdf());
        assertThat(result.verdict()).as(result.detail()).isEqualTo(Verdict.VALID);
        assertThat(result.payload()).contains(certificate.payload());
        assertThat(result.payload().orElseThrow().maskedName()).isEqualTo("测*䶮");
        assertThat(result.payload().orElseThrow().type()).isEqualTo(type);
        assertThat(result.signedWithDemoKey()).isTrue();
    }

    @Test
    void pdfBoxExtractsExactlyTheLaidOutLinesIncludingTheRareNameCharacter() throws Exception {
        try (PDDocument document = Loader.loadPDF(ncr.pdf())) {
            assertThat(nonEmptyLines(CertificateVerifier.extractText(document))).containsExactlyElementsOf(ncr.lines());
        }
        assertThat(String.join("", ncr.lines())).contains("测试䶮", "11010519491231002X", "示例省示例市示例区幸福路1号",
                "无犯罪记录证明", "示例市公安局示例分局", "2026年11月22日", "证明编号：TEST-2026-0001");
    }

    @Test
    void popplerSeesTheFontsEmbeddedAsSubsetsAndExtractsTheSameText() throws Exception {
        RequiredTool.require(onPath("pdffonts") && onPath("pdftotext"), "pdffonts/pdftotext (poppler-utils) cross-check the PDF");
        Path pdf = dir.resolve("ncr.pdf");
        Files.write(pdf, ncr.pdf());
        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).hasSize(2).allSatisfy(line -> {
            String[] cols = line.trim().split("\\s+");
            assertThat(cols[0]).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
            // emb, sub, uni
            assertThat(Arrays.asList(cols).subList(cols.length - 5, cols.length - 2)).containsExactly("yes", "yes", "yes");
        });
        assertThat(nonEmptyLines(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"))).containsExactlyElementsOf(ncr.lines());
    }

    @Test
    void aPdfWhoseTextWasEditedIsContentAltered() throws Exception {
        // run 2 is the first body line, which holds the holder's name
        byte[] tampered = PdfTamper.swapGlyphs(ncr.pdf(), 2);
        try (PDDocument document = Loader.loadPDF(tampered)) {
            assertThat(CertificateVerifier.extractText(document)).doesNotContain("兹证明测试").contains("证兹明测试");
        }
        VerificationResult result = verifier.verifyPdf(tampered);
        assertThat(result.verdict()).isEqualTo(Verdict.CONTENT_ALTERED);
        assertThat(result.payload()).contains(ncr.payload());
    }

    @Test
    void aTamperedPayloadHasABadSignature() {
        String original = ncr.payload().encode();
        assertThat(verifier.verifyPayload(original).verdict()).isEqualTo(Verdict.VALID);
        String otherNumber = original.replace("TEST-2026-0001", "TEST-2026-0002");
        assertThat(verifier.verifyPayload(otherNumber).verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        String otherDate = original.replace("|20261122|", "|20261123|");
        assertThat(verifier.verifyPayload(otherDate).verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aCodeForgedWithAnotherKeyUnderTheTrustedKeyIdHasABadSignature() throws Exception {
        CertificateSigner forger = new CertificateSigner("demo-only-2026",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        byte[] forged = new CertificateRenderer(CertificateFixtures.templates(), forger, true)
                .render(CertificateFixtures.request("residence")).pdf();
        assertThat(verifier.verifyPdf(forged).verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aCertificateSignedWithAnUntrustedKeyHasAnUnknownKey() throws Exception {
        CertificateKeys.generate(dir, "other-office-2026", "test key");
        CertificateSigner other = new CertificateSigner("other-office-2026",
                CertificateKeys.readPrivate(dir.resolve("other-office-2026.private.pem")));
        RenderedCertificate certificate = new CertificateRenderer(CertificateFixtures.templates(), other, false)
                .render(CertificateFixtures.request("residence"));
        assertThat(certificate.signedWithDemoKey()).isFalse();
        VerificationResult result = verifier.verifyPdf(certificate.pdf());
        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN_KEY);
        assertThat(result.detail()).contains("other-office-2026");
        // once its public key is trusted, the same certificate is valid
        assertThat(new CertificateVerifier(TrustedKeys.fromDirectory(dir)).verifyPdf(certificate.pdf()).verdict())
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void aPageWithoutACodeHasNoCodeFound() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            assertThat(verifier.verifyPdf(out.toByteArray()).verdict()).isEqualTo(Verdict.NO_CODE_FOUND);
        }
    }

    @Test
    void garbageIsMalformedOrUnreadable() {
        assertThat(verifier.verifyPayload("hello").verdict()).isEqualTo(Verdict.MALFORMED_PAYLOAD);
        assertThat(verifier.verifyPayload("OKC1|a|b|c|2026xx01|AAAA|k|AAAA").verdict()).isEqualTo(Verdict.MALFORMED_PAYLOAD);
        assertThat(verifier.verifyPdf("not a pdf".getBytes(StandardCharsets.US_ASCII)).verdict())
                .isEqualTo(Verdict.UNREADABLE_DOCUMENT);
    }

    @Test
    void signingWithTheDemoKeyOutsideDemoModeIsFlagged() throws Exception {
        RenderedCertificate certificate = new CertificateRenderer(CertificateFixtures.templates(),
                CertificateFixtures.signing().signer(), false).render(CertificateFixtures.request("residence"));
        assertThat(certificate.signedWithDemoKey()).isTrue();
        assertThat(ncr.signedWithDemoKey()).as("demo mode expects the demo key").isFalse();
    }

    @Test
    void missingFieldsAndUnknownTypesAreNamed() {
        CertificateRequest noAddress = new CertificateRequest("residence", "测试", CertificateFixtures.request("residence").idNumber(),
                Map.of("since", "2020年"), CertificateFixtures.request("residence").issueDate(), "T-1");
        assertThatThrownBy(() -> renderer.render(noAddress)).hasMessageContaining("address");
        assertThatThrownBy(() -> renderer.render(new CertificateRequest("marriage", "测试", noAddress.idNumber(), Map.of(),
                noAddress.issueDate(), "T-1"))).hasMessageContaining("unknown certificate type").hasMessageContaining("residence");
    }

    @Test
    void aSealImageFromConfigurationReplacesTheDrawnSeal() throws Exception {
        Path png = dir.resolve("seal.png");
        java.awt.image.BufferedImage seal = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = seal.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.drawOval(5, 5, 190, 190);
        g.dispose();
        javax.imageio.ImageIO.write(seal, "png", png.toFile());
        CertificateTemplate residence = CertificateFixtures.templates().get("residence");
        CertificateTemplate withImage = new CertificateTemplate(residence.type(), residence.code(), residence.title(),
                residence.fields(), residence.body(), residence.issuingOffice(), residence.footer(), new SealSpec("", "", png));
        RenderedCertificate certificate = new CertificateRenderer(new CertificateTemplates(Map.of("residence", withImage)),
                CertificateFixtures.signing().signer(), true).render(CertificateFixtures.request("residence"));
        try (PDDocument document = Loader.loadPDF(certificate.pdf())) {
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
        assertThat(verifier.verifyPdf(certificate.pdf()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theRequestNeverPrintsTheFullNameOrIdNumber() {
        String text = CertificateFixtures.request("residence").toString();
        assertThat(text).doesNotContain("测试䶮").doesNotContain("11010519491231002X").contains("测*䶮");
    }

    static List<String> nonEmptyLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("\f")).toList();
    }

    static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
