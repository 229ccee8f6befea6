package org.openkiosk.bench.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.openkiosk.app.certificate.CertificatePayload;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.device.docscan.CodeDecoder;

/**
 * Decodes a set of photo-like images of a real certificate with three decoders and prints how many each read
 * and how long it took: our {@link CodeDecoder} path, plain ZXing with {@code TRY_HARDER}, and {@code zbarimg}
 * (a process per image, so its time includes the process start; reported separately). The set (48 images):
 * rotations, a perspective-like shear, blur, JPEG artefacts, uneven light, inversion and small codes, written as
 * JPEG to a temporary directory so every decoder reads the same bytes.
 *
 * <pre>
 * mvn -B -o -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openkiosk.bench.certificate.PhotoDecodeComparison
 * </pre>
 * Run from the repository root on a quiet machine; figures from a loaded machine say so in BENCHMARKS.md.
 */
public final class PhotoDecodeComparison {

    private record Photo(String name, Path file) {}

    private record Score(int decoded, long nanos) {}

    public static void main(String[] args) throws Exception {
        var rendered = new CertificateRenderer(BenchFixtures.templates(), BenchFixtures.signing().signer(), true)
                .render(BenchFixtures.request());
        String expected = rendered.payload().encode();
        Path dir = Files.createTempDirectory("photo-decode");
        List<Photo> photos = photos(rendered.pdf(), dir);

        Score ours = score(photos, expected, image -> CodeDecoder.decodeQr(image, CertificatePayload::looksLikeCode)
                .stream().map(c -> c.text()).toList());
        Score zxing = score(photos, expected, PhotoDecodeComparison::zxingTryHarder);
        Score zbar = zbar(photos, expected);
        System.out.printf(Locale.ROOT, "%d photos (%s)%n", photos.size(), dir);
        print("CodeDecoder (ours)", ours, photos.size());
        print("ZXing TRY_HARDER", zxing, photos.size());
        if (zbar != null) {
            print("zbarimg (incl. process start)", zbar, photos.size());
        } else {
            System.out.println("zbarimg: not installed (Debian package zbar-tools)");
        }
    }

    private static void print(String decoder, Score s, int n) {
        System.out.printf(Locale.ROOT, "%-32s %2d/%d decoded, %.1f ms per photo%n", decoder, s.decoded(), n,
                s.nanos() / 1e6 / n);
    }

    private static Score score(List<Photo> photos, String expected, Function<BufferedImage, List<String>> decoder)
            throws IOException {
        // one untimed pass warms the JIT and the image readers
        for (Photo p : photos) {
            decoder.apply(ImageIO.read(p.file().toFile()));
        }
        int decoded = 0;
        long nanos = 0;
        for (Photo p : photos) {
            BufferedImage image = ImageIO.read(p.file().toFile());
            long start = System.nanoTime();
            List<String> texts = decoder.apply(image);
            nanos += System.nanoTime() - start;
            if (texts.contains(expected)) {
                decoded++;
            }
        }
        return new Score(decoded, nanos);
    }

    private static List<String> zxingTryHarder(BufferedImage image) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return List.of(new MultiFormatReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints).getText());
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private static Score zbar(List<Photo> photos, String expected) throws Exception {
        if (Files.notExists(Path.of("/usr/bin/zbarimg"))) {
            return null;
        }
        int decoded = 0;
        long nanos = 0;
        for (Photo p : photos) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("/usr/bin/zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable",
                    p.file().toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            nanos += System.nanoTime() - start;
            if (out.lines().anyMatch(expected::equals)) {
                decoded++;
            }
        }
        return new Score(decoded, nanos);
    }

    /** 48 photo-like variants of the page's lower half, each written as JPEG. */
    static List<Photo> photos(byte[] pdf, Path dir) throws IOException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        }
        BufferedImage lower = page.getSubimage(0, page.getHeight() / 2, page.getWidth(), page.getHeight() / 2);
        List<Photo> photos = new ArrayList<>();
        int[] angles = {0, 7, 15, 30, 45, 90, 135, 180};
        double[] scales = {1.0, 0.6, 0.4};
        for (int angle : angles) {
            for (double scale : scales) {
                photos.add(write(dir, "rot" + angle + "-s" + scale, rotate(scaled(lower, scale), angle), 0.8f));
            }
        }
        for (int i = 0; i < 8; i++) {
            BufferedImage v = switch (i) {
                case 0 -> blur(lower, 3);
                case 1 -> blur(rotate(lower, 20), 5);
                case 2 -> shear(lower, 0.25);
                case 3 -> shear(rotate(lower, 10), -0.2);
                case 4 -> unevenLight(lower);
                case 5 -> invert(lower);
                case 6 -> unevenLight(rotate(scaled(lower, 0.5), 25));
                default -> scaled(lower, 0.3);
            };
            photos.add(write(dir, "hard" + i, v, i == 7 ? 0.5f : 0.7f));
        }
        for (int i = 0; i < 16; i++) { // strong JPEG artefacts at several sizes and small tilts
            photos.add(write(dir, "jpeg" + i, rotate(scaled(lower, 0.45 + 0.03 * i), i * 3), 0.3f));
        }
        return photos;
    }

    private static Photo write(Path dir, String name, BufferedImage image, float quality) throws IOException {
        Path file = dir.resolve(name + ".jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb(image), null, null), param);
        } finally {
            writer.dispose();
        }
        return new Photo(name, file);
    }

    private static BufferedImage rgb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scaled(BufferedImage image, double scale) {
        int w = Math.max(1, (int) (image.getWidth() * scale));
        int h = Math.max(1, (int) (image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rotate(BufferedImage image, double degrees) {
        return transformed(image, AffineTransform.getRotateInstance(Math.toRadians(degrees)));
    }

    private static BufferedImage shear(BufferedImage image, double k) {
        return transformed(image, AffineTransform.getShearInstance(k, k / 3));
    }

    private static BufferedImage transformed(BufferedImage image, AffineTransform t) {
        var bounds = t.createTransformedShape(new java.awt.Rectangle(image.getWidth(), image.getHeight())).getBounds();
        BufferedImage out = new BufferedImage(bounds.width + 80, bounds.height + 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x8a, 0x84, 0x7a));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform placed = AffineTransform.getTranslateInstance(40 - bounds.x, 40 - bounds.y);
        placed.concatenate(t);
        g.drawImage(image, placed, null);
        g.dispose();
        return out;
    }

    private static BufferedImage blur(BufferedImage image, int radius) {
        int size = radius * 2 + 1;
        float[] kernel = new float[size * size];
        java.util.Arrays.fill(kernel, 1f / kernel.length);
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(rgb(image), null);
    }

    private static BufferedImage unevenLight(BufferedImage image) {
        BufferedImage out = rgb(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                double shade = 0.45 + 0.55 * x / out.getWidth(); // dark on the left, as under a side lamp
                int rgb = out.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * shade);
                int gr = (int) (((rgb >> 8) & 0xff) * shade);
                int b = (int) ((rgb & 0xff) * shade);
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    private static BufferedImage invert(BufferedImage image) {
        BufferedImage out = rgb(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, ~out.getRGB(x, y) & 0xffffff);
            }
        }
        return out;
    }

    private PhotoDecodeComparison() {}
}
