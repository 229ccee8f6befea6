package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateSigner;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.RenderedCertificate;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.certificate.Verdict;
import org.openkiosk.app.cli.certificate.SamplePeople;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.screens.certificate.CertificateCheckResultScreen;
import org.openkiosk.app.ui.screens.certificate.CertificateCheckScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FxShell;

/**
 * 证明核验 on the demo kiosk as {@code ./kiosk demo} builds it, with no identification: real certificates
 * rendered and signed by the kiosk's renderer — one genuine (demo key, accepted in demo mode), one whose code was
 * altered, one signed with a key on the revocation list — held under the simulated serial scanner (the payload,
 * through {@code DemoControls}) or laid on the simulated document scanner's glass (the rendered page at 150 dpi).
 */
class CertificateCheckFlowTest {

    private static final String REVOKED_KEY = "K-REVOKED-2026";

    @TempDir
    Path tmp;

    private FxShell fx;
    private DefaultKioskRuntime runtime;
    private FlowDriver citizen;
    private Path configDir;
    private Path glass;

    @BeforeEach
    void start() throws Exception {
        configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        glass = tmp.resolve("glass.png");
        Path kioskYaml = configDir.resolve("kiosk.yaml");
        String yaml = Files.readString(kioskYaml);
        int at = yaml.indexOf("\n  documentScanner:");
        int uri = yaml.indexOf("uri: \"sim:\"", at);
        Files.writeString(kioskYaml, yaml.substring(0, uri) + "uri: \"sim:?page=" + glass + "\""
                + yaml.substring(uri + "uri: \"sim:\"".length()));
        // a second kiosk key, trusted but revoked (a stolen kiosk, ADR 0057)
        CertificateKeys.generate(configDir.resolve("keys"), REVOKED_KEY, "a stolen kiosk's key");
        Files.writeString(configDir.resolve("revoked.txt"), REVOKED_KEY + "\n");
        Path signing = configDir.resolve(SigningConfig.FILE_NAME);
        Files.writeString(signing, Files.readString(signing) + "\nrevokedKeys: revoked.txt\n");

        KioskConfig config = ConfigLoader.load(configDir);
        fx = FxShell.ready(config, ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
            return runtime;
        });
        citizen = new FlowDriver(fx);
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    private RenderedCertificate certificate(String type, CertificateSigner signer) throws Exception {
        CertificateTemplates templates = CertificateTemplates.load(configDir);
        return new CertificateRenderer(templates, signer, true)
                .render(SamplePeople.request(templates.get(type), LocalDate.now(fx.clock)));
    }

    private RenderedCertificate genuine() throws Exception {
        return certificate("no-criminal-record", SigningConfig.load(configDir).signer());
    }

    private RenderedCertificate signedWithRevokedKey() throws Exception {
        return certificate("residence", new CertificateSigner(REVOKED_KEY,
                CertificateKeys.readPrivate(configDir.resolve("keys").resolve(REVOKED_KEY + CertificateKeys.PRIVATE_SUFFIX))));
    }

    /** The code's text with one character of the certificate number changed: the signature no longer matches. */
    private static String tampered(String payload, String number) {
        char last = number.charAt(number.length() - 1);
        String altered = number.substring(0, number.length() - 1) + (last == '9' ? '8' : (char) (last + 1));
        assertThat(payload).contains(number);
        return payload.replace(number, altered);
    }

    /** Puts the page on the simulated document scanner's glass as a 150 dpi scan sees it. */
    private void onTheGlass(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 150f, ImageType.GRAY), "png", glass.toFile());
        }
    }

    /** A page carrying only this code, as a forger would print it. */
    private void codeOnTheGlass(String code) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 0));
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fillRect(800 + x * 4, 1300 + y * 4, 4, 4);
                }
            }
        }
        g.dispose();
        ImageIO.write(page, "png", glass.toFile());
    }

    private void openCheck() {
        citizen.touch("service-certificate-check");
        citizen.awaitScreen(CertificateCheckScreen.ID);
        assertThat(fx.fx(() -> fx.ctx().sessions().isActive())).as("no identification, no session").isFalse();
    }

    private void scan(String code) {
        runtime.demoControls().orElseThrow().scan(code);
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
    }

    private CertificateCheckResultScreen result() {
        return fx.fx(() -> (CertificateCheckResultScreen) fx.ctx().navigator().current());
    }

    private String label(String id) {
        return fx.<Label>node("#" + id).getText();
    }

    @Test
    void aGenuineCertificateHeldUnderTheScannerIsValidAndShowsTheSignedFieldsWithoutIdentification() throws Exception {
        RenderedCertificate certificate = genuine();
        openCheck();
        scan(certificate.payload().encode());

        assertThat(result().result().verdict()).isEqualTo(Verdict.VALID);
        assertThat(label("check-verdict")).isEqualTo("证明真实有效");
        assertThat(label("check-number")).isEqualTo(certificate.payload().number());
        assertThat(label("check-type")).isEqualTo("无犯罪记录证明");
        assertThat(label("check-holder")).isEqualTo(certificate.payload().maskedName()).doesNotContain("测试");
        assertThat(label("check-issued")).isEqualTo(certificate.payload().issueDate().toString());
        assertThat(label("check-key")).isEqualTo(certificate.payload().keyId());
        assertThat(fx.robot.lookup("#check-demo-warning").tryQuery()).as("the demo key, in demo mode").isPresent();
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        assertThat(label("check-verdict")).isEqualTo("The certificate is genuine");
        assertThat(label("check-type")).isEqualTo("No criminal record");

        citizen.touch("check-another");
        citizen.awaitScreen(CertificateCheckScreen.ID);
    }

    @Test
    void aTamperedCodeIsNotGenuineAndSaysWhyInPlainWords() throws Exception {
        RenderedCertificate certificate = genuine();
        openCheck();
        scan(tampered(certificate.payload().encode(), certificate.payload().number()));

        assertThat(result().result().verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(result().outcome()).isEqualTo(CertificateCheckResultScreen.Outcome.INVALID);
        assertThat(label("check-verdict")).isEqualTo("证明未通过核验");
        assertThat(label("check-reason")).isEqualTo("二维码的内容被改动过，或是伪造的。");
    }

    @Test
    void aCertificateSignedWithARevokedKeyIsRefusedFromTheScannerAndFromThePage() throws Exception {
        RenderedCertificate certificate = signedWithRevokedKey();
        openCheck();
        scan(certificate.payload().encode());
        assertThat(result().result().verdict()).isEqualTo(Verdict.REVOKED_KEY);
        assertThat(label("check-verdict")).isEqualTo("签发密钥已作废，证明不可采信");
        assertThat(label("check-key")).isEqualTo(REVOKED_KEY);

        citizen.touch("check-another");
        citizen.awaitScreen(CertificateCheckScreen.ID);
        onTheGlass(certificate.pdf());
        citizen.touch("scan-page");
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        assertThat(result().result().verdict()).isEqualTo(Verdict.REVOKED_KEY);
    }

    @Test
    void aGenuinePageOnTheDocumentScannerIsValidAndATamperedOneIsNot() throws Exception {
        RenderedCertificate certificate = genuine();
        openCheck();
        citizen.touch("scan-page");
        citizen.await(() -> fx.fx(() -> fx.<Label>node("#flow-error").getText()).startsWith("没有找到证明"),
                "no page on the glass");
        assertThat(citizen.screenId()).isEqualTo(CertificateCheckScreen.ID);

        onTheGlass(certificate.pdf());
        citizen.touch("scan-page");
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        assertThat(result().result().verdict()).as(result().result().detail()).isEqualTo(Verdict.VALID);
        assertThat(label("check-number")).isEqualTo(certificate.payload().number());

        citizen.touch("check-another");
        citizen.awaitScreen(CertificateCheckScreen.ID);
        codeOnTheGlass(tampered(certificate.payload().encode(), certificate.payload().number()));
        citizen.touch("scan-page");
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        assertThat(result().result().verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(label("check-reason")).isEqualTo("二维码的内容被改动过，或是伪造的。");
    }

    @Test
    void theDemoKeyOutsideADemonstrationProvesNothing() throws Exception {
        RenderedCertificate certificate = genuine();
        CertificateVerifier strict = SigningConfig.load(configDir).verifier(false);
        var verdict = strict.verifyPayload(certificate.payload().encode());
        assertThat(verdict.verdict()).isEqualTo(Verdict.DEMO_KEY);
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().certificateCheckResult(verdict)));
        citizen.awaitScreen(CertificateCheckResultScreen.ID);
        assertThat(label("check-verdict")).isEqualTo("演示证明，不具证明效力");
        assertThat(label("check-reason")).isEqualTo("它由公开的演示密钥签名，任何人都能制作这样的证明。");
    }
}
