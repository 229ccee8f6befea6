package org.openkiosk.app.cli.certificate;

import org.openkiosk.testsupport.IppEvePrinter;
import org.openkiosk.testsupport.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.KioskCommand;
import picocli.CommandLine;

/** The commands as a technician runs them: sample → verify, keygen, print to a real IPP printer, scan. */
class CertificateCommandsTest {

    static final String CONFIG = Path.of("..", "config").toString();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run kiosk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void sampleThenVerifyRoundTripsAndAPastedPayloadIsChecked() throws Exception {
        Path pdf = dir.resolve("residence.pdf");
        Run sample = kiosk("certificate", "sample", "--type", "residence", "--out", pdf.toString(), "--config", CONFIG);
        assertThat(sample.exit()).as(sample.err()).isZero();
        assertThat(sample.err()).contains("DEMO key");
        // outside --demo, the published demo key proves nothing: its own verdict and exit code
        Run strict = kiosk("certificate", "verify", pdf.toString(), "--config", CONFIG);
        assertThat(strict.exit()).as(strict.out()).isEqualTo(17);
        assertThat(strict.out()).startsWith("DEMO_KEY").contains("proves nothing", "demo-only-2026", "DEMO KEY");
        // … and still shows what the code says: every signed field, the holder masked, the key and its revocation
        assertThat(strict.out()).containsPattern("number:  RES-\\S+").contains("type:    residence", "holder:  测*䶮",
                        "valid:   no expiry", "issuer:  示例市示例区示例街道办事处", "key:     demo-only-2026  (not revoked)")
                .containsPattern("issued:  \\d{4}-\\d{2}-\\d{2}").doesNotContain("测试䶮");
        Run verify = kiosk("certificate", "verify", pdf.toString(), "--config", CONFIG, "--demo");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).startsWith("VALID").contains("测*䶮", "residence", "demo-only-2026", "(not revoked)",
                "issuer:  示例市示例区示例街道办事处", "valid:   no expiry");

        String payload = verify.out().lines().filter(l -> l.contains("number:")).findFirst().orElseThrow();
        assertThat(payload).contains("RES-");
        Run garbage = kiosk("certificate", "verify", "--qr", "OKC1|broken", "--config", CONFIG);
        assertThat(garbage.exit()).isEqualTo(14);
        assertThat(garbage.out()).startsWith("MALFORMED_PAYLOAD");
    }

    @Test
    void aPageWithoutACodeExitsWithNoCodeFound() throws Exception {
        Path pdf = dir.resolve("blank.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument()) {
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            d.save(pdf.toFile());
        }
        Run verify = kiosk("certificate", "verify", pdf.toString(), "--config", CONFIG);
        assertThat(verify.exit()).isEqualTo(13);
        assertThat(verify.out()).startsWith("NO_CODE_FOUND");
    }

    @Test
    void keygenWritesAKeyPairThatVerifiesItsOwnCertificates() throws Exception {
        Run keygen = kiosk("certificate", "keygen", "--id", "test-office-2026", "--dir", dir.toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        assertThat(Files.readString(dir.resolve("test-office-2026.private.pem"))).contains("BEGIN PRIVATE KEY");
        assertThat(Files.getPosixFilePermissions(dir.resolve("test-office-2026.private.pem")).toString())
                .doesNotContain("GROUP", "OTHERS");
        assertThat(kiosk("certificate", "keygen", "--id", "demo-only-x", "--dir", dir.toString()).exit()).isEqualTo(2);
        assertThat(kiosk("certificate", "keygen", "--id", "test-office-2026", "--dir", dir.toString()).exit()).isNotZero();
    }

    @Test
    void anSm2KioskKeySignsAndItsRevocationIsShownByVerify() throws Exception {
        Path config = dir.resolve("config");
        Pkcs11SigningTest.copyTemplates(config);
        Run keygen = kiosk("certificate", "keygen", "--id", "K-0101-2026", "--algorithm", "sm2", "--dir",
                config.resolve("keys").toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        assertThat(keygen.out()).contains("(sm2, secret: readable by this user only)");
        assertThat(kiosk("certificate", "keygen", "--id", "K-X", "--algorithm", "rsa", "--dir", dir.toString()).exit())
                .isEqualTo(2);
        Files.writeString(config.resolve("certificate-signing.yaml"),
                "mode: kiosk-signed\nsigningKey: keys/K-0101-2026.private.pem\ntrustedKeys: keys\nrevokedKeys: revoked.txt\n");
        Files.writeString(config.resolve("revoked.txt"), "# none yet\n");
        Path pdf = dir.resolve("sm2.pdf");
        Run sample = kiosk("certificate", "sample", "--type", "no-criminal-record", "--out", pdf.toString(),
                "--config", config.toString());
        assertThat(sample.exit()).as(sample.err()).isZero();
        assertThat(sample.err()).doesNotContain("DEMO");

        Run valid = kiosk("certificate", "verify", pdf.toString(), "--config", config.toString());
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out()).contains("key:     K-0101-2026  (not revoked)", "valid:   no expiry",
                "issuer:  示例市公安局示例分局", "holder:  测*䶮").doesNotContain("测试䶮").doesNotContain("11010519491231002X");

        Files.writeString(config.resolve("revoked.txt"), "# stolen 2026-12-01\nK-0101-2026\n");
        Run revoked = kiosk("certificate", "verify", pdf.toString(), "--config", config.toString());
        assertThat(revoked.exit()).isEqualTo(16);
        assertThat(revoked.out()).startsWith("REVOKED_KEY").contains("K-0101-2026  REVOKED");
        // named keys replace the configured ones: --keys alone revokes nothing, --revoked replaces the configured list
        Run namedKeys = kiosk("certificate", "verify", pdf.toString(), "--keys", config.resolve("keys").toString());
        assertThat(namedKeys.exit()).as(namedKeys.out()).isZero();
        assertThat(namedKeys.out()).contains("K-0101-2026  (not revoked)");
        Path none = Files.writeString(dir.resolve("none-revoked.txt"), "# nothing\n");
        Run namedList = kiosk("certificate", "verify", pdf.toString(), "--config", config.toString(),
                "--revoked", none.toString());
        assertThat(namedList.exit()).as(namedList.out()).isZero();
        Run bothNamed = kiosk("certificate", "verify", pdf.toString(), "--keys", config.resolve("keys").toString(),
                "--revoked", config.resolve("revoked.txt").toString());
        assertThat(bothNamed.exit()).isEqualTo(16);
        assertThat(bothNamed.out()).contains("K-0101-2026  REVOKED");
        // a kiosk does not sign with a revoked key
        Run refused = kiosk("certificate", "sample", "--type", "no-criminal-record", "--out", dir.resolve("x.pdf").toString(),
                "--config", config.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("is on the revocation list");
    }

    @Test
    void aMissingConfigurationIsNamed() {
        Run run = kiosk("certificate", "sample", "--type", "residence", "--out", dir.resolve("x.pdf").toString(),
                "--config", dir.resolve("nowhere").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere");
        Run verify = kiosk("certificate", "verify", "--qr", "x", "--keys", dir.resolve("nokeys").toString());
        assertThat(verify.exit()).isEqualTo(2);
        assertThat(verify.err()).contains("nokeys");
    }

    @Test
    void anUnknownTypeIsAUsageError() {
        Run run = kiosk("certificate", "sample", "--type", "marriage", "--out", dir.resolve("x.pdf").toString(), "--config", CONFIG);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no-criminal-record");
    }

    @Test
    void aCertificatePrintedOnARealIppPrinterCompletesAndTheReceivedTextMatches() throws Exception {
        Path pdf = dir.resolve("ncr.pdf");
        assertThat(kiosk("certificate", "sample", "--type", "no-criminal-record", "--out", pdf.toString(),
                "--config", CONFIG, "--demo").exit()).isZero();
        try (IppEvePrinter printer = IppEvePrinter.start(dir)) {
            Run print = kiosk("print", "--printer", "cups:" + printer.ippUri(), "--timeout", "30", pdf.toString());
            assertThat(print.exit()).as(print.out() + print.err()).isZero();
            assertThat(print.out()).contains("PRINTED: COMPLETED");
            List<Path> received = printer.receivedDocuments();
            assertThat(received).hasSize(1);
            RequiredTool.require(IppEvePrinter.onPath("pdftotext"), "pdftotext (poppler-utils) reads the received job back");
            assertThat(pdfToText(received.get(0))).isEqualTo(pdfToText(pdf)).contains("测试䶮", "无犯罪记录证明");
            // what the printer received still verifies
            Run verify = kiosk("certificate", "verify", received.get(0).toString(), "--config", CONFIG, "--demo");
            assertThat(verify.exit()).as(verify.out()).isZero();
        }
    }

    @Test
    void printingToAPrinterThatIsNotThereFailsWithDeviceFault() throws Exception {
        Path pdf = dir.resolve("p.pdf");
        Files.write(pdf, minimalPdf());
        Run print = kiosk("print", "--printer", "cups:ipp://127.0.0.1:9/ipp/print", "--timeout", "5", pdf.toString());
        assertThat(print.exit()).isEqualTo(4);
        assertThat(print.err()).contains("NOT PRINTED", "cannot reach");

        Path text = dir.resolve("note.txt");
        Files.writeString(text, "hello");
        Run notPdf = kiosk("print", "--printer", "kioskA4", text.toString());
        assertThat(notPdf.exit()).isEqualTo(2);
        assertThat(notPdf.err()).contains("not a PDF");
    }

    @Test
    void scanSavesThePageAndListsTheCodes() throws Exception {
        Path png = dir.resolve("scan.png");
        Run sim = kiosk("scan", "--device", "sim:?code=HELLO-KIOSK", "--out", png.toString());
        assertThat(sim.exit()).as(sim.err()).isZero();
        assertThat(sim.out()).contains("1 code(s) found", "QR_CODE: HELLO-KIOSK");
        assertThat(javax.imageio.ImageIO.read(png.toFile())).isNotNull();

        RequiredTool.require(IppEvePrinter.onPath("scanimage"), "scanimage (sane-utils) is needed for the SANE test backend");
        Run sane = kiosk("scan", "--device", "sane:test", "--out", png.toString());
        assertThat(sane.exit()).as(sane.err()).isZero();
        assertThat(sane.out()).contains("0 code(s) found");
        Run jammed = kiosk("scan", "--device", "sane:test?read-return-value=SANE_STATUS_JAMMED", "--out", png.toString());
        assertThat(jammed.exit()).isEqualTo(4);
        assertThat(jammed.err()).contains("jammed", "clear the paper jam");
    }

    static byte[] minimalPdf() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument()) {
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            d.save(out);
            return out.toByteArray();
        }
    }

    static String pdfToText(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
