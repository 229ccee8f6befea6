package org.openkiosk.bench.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.openkiosk.app.certificate.CertificateRequest;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.device.idcard.IdNumber;

/** The repository's configuration and a synthetic request; run the benchmarks from the repository root. */
final class BenchFixtures {

    private BenchFixtures() {}

    static Path config() {
        return Path.of(System.getProperty("kiosk.home", "."), "config");
    }

    static CertificateTemplates templates() throws IOException {
        return CertificateTemplates.load(config());
    }

    static SigningConfig signing() throws IOException {
        return SigningConfig.load(config());
    }

    static CertificateRequest request() {
        try {
            return new CertificateRequest("no-criminal-record", "测试䶮", IdNumber.parse("11010519491231002X"),
                    Map.of("address", "示例省示例市示例区幸福路1号"), LocalDate.of(2026, 11, 22), "BENCH-2026-0001");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 1280×720 camera-like frame of a certificate's lower half held up to the kiosk camera: the page rendered
     * at 200 dpi (QR code about 300 px wide), its lower-left part on a grey background, slightly off-centre.
     */
    static BufferedImage frameWithCertificate(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
            BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(110, 110, 110));
            g.fillRect(0, 0, 1280, 720);
            // the page's lower part (QR code, footer, seal) seen from 160 px right and 40 px below the frame's top
            g.drawImage(page, 160, 40 - (page.getHeight() - 660), null);
            g.dispose();
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
