package org.openkiosk.app.cli.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openkiosk.app.cli.certificate.CertificateCommandsTest.CONFIG;
import static org.openkiosk.app.cli.certificate.CertificateCommandsTest.kiosk;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.certificate.CertificateCommandsTest.Run;
import org.openkiosk.testsupport.RequiredTool;

/**
 * {@code kiosk certificate verify IMAGE}: real certificate PDFs from {@code certificate sample}, rendered to
 * images by poppler's {@code pdftoppm} as a scanner or a photo would see the paper, then checked.
 */
class CertificateImageVerifyTest {

    @TempDir
    Path dir;

    private Path sample(String config, String type) {
        Path pdf = dir.resolve(type + ".pdf");
        Run sample = kiosk("certificate", "sample", "--type", type, "--out", pdf.toString(), "--config", config);
        assertThat(sample.exit()).as(sample.err()).isZero();
        return pdf;
    }

    /** The first page as {@code pdftoppm} renders it at {@code dpi}, read back as an image. */
    private BufferedImage render(Path pdf, int dpi) throws Exception {
        Path pdftoppm = RequiredTool.command("pdftoppm", "poppler-utils");
        Path prefix = dir.resolve(pdf.getFileName() + "-" + dpi);
        Process p = new ProcessBuilder(pdftoppm.toString(), "-r", String.valueOf(dpi), "-png", "-singlefile",
                pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
    }

    @Test
    void aScanOfAGenuineCertificateIsValidAndShowsOnlyTheSignedFields() throws Exception {
        BufferedImage scan = render(sample(CONFIG, "residence"), 150);
        Path png = dir.resolve("scan.png");
        ImageIO.write(scan, "png", png.toFile());

        Run verify = kiosk("certificate", "verify", png.toString(), "--config", CONFIG, "--demo");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).startsWith("VALID").contains("holder:  测*䶮", "residence",
                "compare the number, type, holder and date with the paper").doesNotContain("测试䶮");

        Run strict = kiosk("certificate", "verify", png.toString(), "--config", CONFIG);
        assertThat(strict.exit()).as("the published demo key proves nothing outside a demo").isEqualTo(17);
    }

    @Test
    void aTiltedLowQualityPhotoStillVerifies() throws Exception {
        BufferedImage page = render(sample(CONFIG, "no-criminal-record"), 110);
        Path jpeg = dir.resolve("photo.jpg");
        writeJpeg(tilted(page, Math.toRadians(17)), jpeg, 0.6f);

        Run verify = kiosk("certificate", "verify", jpeg.toString(), "--config", CONFIG, "--demo");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).startsWith("VALID").contains("no-criminal-record");
    }

    @Test
    void aCertificateSignedWithARevokedKeyIsRefusedFromItsPhoto() throws Exception {
        Path config = dir.resolve("config");
        Pkcs11SigningTest.copyTemplates(config);
        assertThat(kiosk("certificate", "keygen", "--id", "K-0141-2026", "--dir", config.resolve("keys").toString())
                .exit()).isZero();
        Files.writeString(config.resolve("certificate-signing.yaml"),
                "mode: kiosk-signed\nsigningKey: keys/K-0141-2026.private.pem\ntrustedKeys: keys\nrevokedKeys: revoked.txt\n");
        Files.writeString(config.resolve("revoked.txt"), "# none yet\n");
        Path png = dir.resolve("revoked.png");
        ImageIO.write(render(sample(config.toString(), "no-criminal-record"), 150), "png", png.toFile());
        assertThat(kiosk("certificate", "verify", png.toString(), "--config", config.toString()).exit()).isZero();

        Files.writeString(config.resolve("revoked.txt"), "K-0141-2026\n");
        Run revoked = kiosk("certificate", "verify", png.toString(), "--config", config.toString());
        assertThat(revoked.exit()).isEqualTo(16);
        assertThat(revoked.out()).startsWith("REVOKED_KEY").contains("K-0141-2026  REVOKED");
    }

    @Test
    void aPictureWithoutACodeAndAFileThatIsNoImageAreNamed() throws Exception {
        BufferedImage blank = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 600);
        g.dispose();
        Path png = dir.resolve("blank.png");
        ImageIO.write(blank, "png", png.toFile());
        Run none = kiosk("certificate", "verify", png.toString(), "--config", CONFIG, "--demo");
        assertThat(none.exit()).isEqualTo(13);
        assertThat(none.out()).startsWith("NO_CODE_FOUND");

        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        Run unreadable = kiosk("certificate", "verify", text.toString(), "--config", CONFIG, "--demo");
        assertThat(unreadable.exit()).isEqualTo(15);
        assertThat(unreadable.out()).contains("neither a PDF nor a PNG/JPEG image");
    }

    static BufferedImage tilted(BufferedImage page, double radians) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w + h / 2, h + w / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x8a, 0x84, 0x7a)); // a desk under the paper
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = AffineTransform.getRotateInstance(radians, out.getWidth() / 2.0, out.getHeight() / 2.0);
        t.translate((out.getWidth() - w) / 2.0, (out.getHeight() - h) / 2.0);
        g.drawImage(page, t, null);
        g.dispose();
        return out;
    }

    static void writeJpeg(BufferedImage image, Path file, float quality) throws Exception {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
