package org.openkiosk.testsupport;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.detector.Detector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A reproducible set of camera-like photos of printed certificates (issue 16): each photo looks at a rendered page
 * through a pinhole camera (any rotation, a tilt that gives perspective), then gets the optics' blur, uneven light,
 * sensor noise and JPEG compression. Every photo has one <em>strong</em> degradation (its {@link Degradation}, in
 * turn) and mild amounts of the others, all drawn from a seeded random generator: the same pages and seed give the
 * same JPEG bytes, so the set is generated where it is used and never checked in.
 *
 * <p>The pages are the project's own certificates rendered by the caller (PDF to image at about 300 dpi); the code
 * on each is located with ZXing's detector on the clean page, so the camera can aim at it.
 */
public final class CertificatePhotos {

    /** The degradations the issue lists; each photo has one of them strongly. */
    public enum Degradation { ROTATION, PERSPECTIVE, BLUR, JPEG, UNEVEN_LIGHT, INVERTED, SMALL_CODE }

    /** A clean rendered page and the text its QR code carries. */
    public record Page(BufferedImage image, String codeText) {}

    /** One photo: a name saying what was done, the strong degradation, the JPEG bytes and the code's text. */
    public record Photo(String name, Degradation degradation, int width, int height, byte[] jpeg, String expected) {

        public BufferedImage read() {
            try {
                return ImageIO.read(new ByteArrayInputStream(jpeg));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One of the certificates the photo set is taken of; the test and the benchmark photograph the same ones
     * ({@link #CERTIFICATES}), with the same synthetic holder (a GB 18030 name character, a made-up ID number).
     */
    public record Certificate(String type, String number) {
        public static final String HOLDER_NAME = "测试䶮";
        public static final String HOLDER_ID_NUMBER = "11010519491231002X";
        public static final Map<String, String> FIELDS = Map.of("address", "示例省示例市示例区幸福路1号",
                "householder", "测试䶮", "relation", "户主", "since", "2020年1月1日");
        public static final LocalDate ISSUED = LocalDate.of(2026, 11, 22);
    }

    /** The three shipped certificate types, one of them twice. */
    public static final List<Certificate> CERTIFICATES = List.of(
            new Certificate("no-criminal-record", "PHOTO-2026-0001"), new Certificate("residence", "PHOTO-2026-0002"),
            new Certificate("household-registration", "PHOTO-2026-0003"),
            new Certificate("no-criminal-record", "PHOTO-2026-0004"));

    /** A certificate as the project's renderer made it: the PDF and the text of its QR code. */
    public record Rendered(byte[] pdf, String codeText) {}

    /** The caller's certificate renderer (this module cannot depend on the kiosk's code). */
    @FunctionalInterface
    public interface Renderer {
        Rendered render(Certificate certificate) throws Exception;
    }

    /** {@link #CERTIFICATES} rendered by {@code renderer}, the first page of each rasterised at 300 dpi. */
    public static List<Page> pages(Renderer renderer) throws Exception {
        List<Page> pages = new ArrayList<>();
        for (Certificate certificate : CERTIFICATES) {
            Rendered rendered = renderer.render(certificate);
            try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.RGB);
                pages.add(new Page(page, rendered.codeText()));
            }
        }
        return pages;
    }

    /** The reference the kiosk's decoder is held against: plain ZXing with {@code TRY_HARDER}; empty or one text. */
    public static List<String> zxingTryHarder(BufferedImage image) {
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

    private static final int[][] FRAME_SIZES = {{1280, 960}, {1600, 1200}, {2048, 1536}, {2592, 1944}};

    private CertificatePhotos() {}

    /**
     * {@code count} photos, the strong degradation taking each {@link Degradation} in turn and the pages in turn.
     *
     * @throws IllegalArgumentException if a page's code cannot be found on the clean page
     */
    public static List<Photo> generate(List<Page> pages, long seed, int count) {
        if (pages.isEmpty() && count > 0) {
            throw new IllegalArgumentException("no pages to photograph");
        }
        List<Located> located = new ArrayList<>();
        for (Page page : pages) {
            located.add(locate(page));
        }
        Degradation[] kinds = Degradation.values();
        List<Photo> photos = new ArrayList<>(count);
        Random master = new Random(seed);
        for (int i = 0; i < count; i++) {
            Random random = new Random(master.nextLong()); // one generator per photo: close seeds correlate
            photos.add(photo(located.get(i % located.size()), kinds[i % kinds.length], random, i));
        }
        return photos;
    }

    private record Located(Page page, int[] rgb, int w, int h, double cx, double cy, double side, int modules) {}

    private static Located locate(Page page) {
        BufferedImage image = page.image();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] grey = new byte[w * h];
        for (int i = 0; i < rgb.length; i++) {
            grey[i] = (byte) luma(rgb[i]);
        }
        try {
            DetectorResult found = new Detector(new HybridBinarizer(new PlanarYUVLuminanceSource(grey, w, h, 0, 0, w, h, false)).getBlackMatrix()).detect();
            ResultPoint[] p = found.getPoints(); // bottom-left, top-left, top-right finder centres
            int modules = found.getBits().getWidth();
            double module = ResultPoint.distance(p[1], p[2]) / (modules - 7);
            return new Located(page, rgb, w, h, (p[0].getX() + p[2].getX()) / 2, (p[0].getY() + p[2].getY()) / 2,
                    modules * module, modules);
        } catch (NotFoundException | FormatException e) {
            throw new IllegalArgumentException("no QR code found on the clean " + w + "×" + h + " page", e);
        }
    }

    private static Photo photo(Located page, Degradation kind, Random r, int index) {
        int[] size = FRAME_SIZES[r.nextInt(FRAME_SIZES.length)];
        int fw = size[0];
        int fh = size[1];
        // code side in the photo: 2.6–6 pixels per module, or 1.5–2.2 for a small code (whole page far away)
        double ppm = kind == Degradation.SMALL_CODE ? 1.5 + 0.7 * r.nextDouble() : 2.6 + 3.4 * r.nextDouble();
        double codeSide = Math.min(ppm * page.modules(), 0.8 * fh);
        double scale = codeSide / page.side();
        double spin = kind == Degradation.ROTATION ? 360 * r.nextDouble() : 12 * (r.nextDouble() - 0.5);
        double tilt = kind == Degradation.PERSPECTIVE ? 30 + 18 * r.nextDouble() : 10 * r.nextDouble();
        double tiltAxis = 360 * r.nextDouble();
        // the code somewhere in the middle part of the photo
        double margin = codeSide * 0.75;
        double px = margin + (fw - 2 * margin) * (0.25 + 0.5 * r.nextDouble());
        double py = margin + (fh - 2 * margin) * (0.25 + 0.5 * r.nextDouble());
        double[] inverse = invert(homography(page, scale, spin, tilt, tiltAxis, fw, px, py));

        float[][] img = warp(page, inverse, fw, fh, r);
        double sigma = kind == Degradation.BLUR ? 0.35 * ppm * (0.6 + 0.5 * r.nextDouble()) : 0.4 + 0.4 * r.nextDouble();
        boolean motion = kind == Degradation.BLUR && r.nextBoolean();
        if (motion) {
            motionBlur(img, fw, fh, (int) Math.round(1.2 * ppm + 2 * r.nextDouble()));
        }
        gaussianBlur(img, fw, fh, motion ? 0.6 : sigma);
        light(img, fw, fh, kind == Degradation.UNEVEN_LIGHT, r);
        boolean inverted = kind == Degradation.INVERTED;
        noise(img, fw, fh, 2 + 4 * r.nextDouble(), r);
        float quality = kind == Degradation.JPEG ? 0.06f + 0.12f * r.nextFloat() : 0.6f + 0.3f * r.nextFloat();
        String name = String.format(Locale.ROOT, "%02d-%s-%dx%d-ppm%.1f-rot%.0f-tilt%.0f-%s-q%.0f", index,
                kind.name().toLowerCase(Locale.ROOT), fw, fh, ppm, spin, tilt,
                motion ? "motion" : String.format(Locale.ROOT, "s%.1f", sigma), quality * 100);
        return new Photo(name, kind, fw, fh, jpeg(img, fw, fh, inverted, quality), page.page().codeText());
    }

    /** Page pixel (u, v) to photo pixel: the page plane turned and tilted in front of a pinhole camera. */
    private static double[] homography(Located page, double scale, double spinDeg, double tiltDeg, double axisDeg,
                                       int fw, double px, double py) {
        double f = 1.1 * fw; // focal length in pixels: a phone's normal lens
        double spin = Math.toRadians(spinDeg);
        double tilt = Math.toRadians(tiltDeg);
        double axis = Math.toRadians(axisDeg);
        // R = Rz(spin) · Raxis(tilt): tilt about an in-plane axis at angle axis
        double ax = Math.cos(axis);
        double ay = Math.sin(axis);
        double c = Math.cos(tilt);
        double s = Math.sin(tilt);
        double[][] tiltM = {
                {c + ax * ax * (1 - c), ax * ay * (1 - c), ay * s},
                {ax * ay * (1 - c), c + ay * ay * (1 - c), -ax * s},
                {-ay * s, ax * s, c}};
        double cs = Math.cos(spin);
        double sn = Math.sin(spin);
        double[][] spinM = {{cs, -sn, 0}, {sn, cs, 0}, {0, 0, 1}};
        double[][] rot = multiply(spinM, tiltM);
        // world = rot · (scale·(u − cx), scale·(v − cy), 0) + (0, 0, f); image = f·world.xy / world.z + (px, py)
        double[] r1 = {rot[0][0] * scale, rot[1][0] * scale, rot[2][0] * scale};
        double[] r2 = {rot[0][1] * scale, rot[1][1] * scale, rot[2][1] * scale};
        double[] t = {-r1[0] * page.cx() - r2[0] * page.cy(), -r1[1] * page.cx() - r2[1] * page.cy(),
                f - r1[2] * page.cx() - r2[2] * page.cy()};
        double[][] m = {{r1[0], r2[0], t[0]}, {r1[1], r2[1], t[1]}, {r1[2], r2[2], t[2]}};
        double[][] k = {{f, 0, px}, {0, f, py}, {0, 0, 1}};
        double[][] hm = multiply(k, m);
        return new double[] {hm[0][0], hm[0][1], hm[0][2], hm[1][0], hm[1][1], hm[1][2], hm[2][0], hm[2][1], hm[2][2]};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return out;
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {
                (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
                (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
                (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }

    /** Samples the page for every photo pixel (bilinear); outside the page a desk of one dull colour. */
    private static float[][] warp(Located page, double[] inv, int fw, int fh, Random r) {
        float[][] out = new float[3][fw * fh];
        int[] desk = {60 + r.nextInt(90), 50 + r.nextInt(80), 40 + r.nextInt(70)};
        int pw = page.w();
        int ph = page.h();
        int[] rgb = page.rgb();
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                double z = inv[6] * x + inv[7] * y + inv[8];
                double u = (inv[0] * x + inv[1] * y + inv[2]) / z;
                double v = (inv[3] * x + inv[4] * y + inv[5]) / z;
                int o = y * fw + x;
                if (z <= 0 || u < 0 || v < 0 || u >= pw - 1 || v >= ph - 1) {
                    out[0][o] = desk[0];
                    out[1][o] = desk[1];
                    out[2][o] = desk[2];
                    continue;
                }
                int u0 = (int) u;
                int v0 = (int) v;
                float du = (float) (u - u0);
                float dv = (float) (v - v0);
                int i00 = rgb[v0 * pw + u0];
                int i10 = rgb[v0 * pw + u0 + 1];
                int i01 = rgb[(v0 + 1) * pw + u0];
                int i11 = rgb[(v0 + 1) * pw + u0 + 1];
                for (int ch = 0; ch < 3; ch++) {
                    int shift = 16 - 8 * ch;
                    float top = ((i00 >> shift) & 0xff) * (1 - du) + ((i10 >> shift) & 0xff) * du;
                    float bottom = ((i01 >> shift) & 0xff) * (1 - du) + ((i11 >> shift) & 0xff) * du;
                    out[ch][o] = top * (1 - dv) + bottom * dv;
                }
            }
        }
        return out;
    }

    private static void gaussianBlur(float[][] img, int w, int h, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        for (float[] plane : img) {
            convolve(plane, w, h, kernel, true);
            convolve(plane, w, h, kernel, false);
        }
    }

    /** A straight motion blur along the rows (the photo is already turned at random, so the direction is too). */
    private static void motionBlur(float[][] img, int w, int h, int length) {
        float[] kernel = new float[Math.max(1, length) | 1];
        java.util.Arrays.fill(kernel, 1f / kernel.length);
        for (float[] plane : img) {
            convolve(plane, w, h, kernel, true);
        }
    }

    private static void convolve(float[] plane, int w, int h, float[] kernel, boolean alongRows) {
        int radius = kernel.length / 2;
        int n = alongRows ? w : h;
        int lines = alongRows ? h : w;
        float[] line = new float[n];
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < n; i++) {
                line[i] = plane[alongRows ? l * w + i : i * w + l];
            }
            for (int i = 0; i < n; i++) {
                float acc = 0;
                if (i >= radius && i < n - radius) {
                    for (int k = 0; k < kernel.length; k++) {
                        acc += line[i - radius + k] * kernel[k];
                    }
                } else {
                    for (int k = -radius; k <= radius; k++) {
                        acc += line[Math.min(n - 1, Math.max(0, i + k))] * kernel[k + radius];
                    }
                }
                plane[alongRows ? l * w + i : i * w + l] = acc;
            }
        }
    }

    /**
     * Light across the photo: always a little vignetting and a gentle slope; when strong, a steep slope from one
     * side (a lamp), a soft shadow edge across the picture (the phone's or a hand's) and a glare spot.
     */
    private static void light(float[][] img, int w, int h, boolean strong, Random r) {
        double angle = 2 * Math.PI * r.nextDouble();
        double gx = Math.cos(angle);
        double gy = Math.sin(angle);
        double slope = strong ? 0.55 + 0.25 * r.nextDouble() : 0.15 * r.nextDouble();
        double shadowAngle = 2 * Math.PI * r.nextDouble();
        double sx = Math.cos(shadowAngle);
        double sy = Math.sin(shadowAngle);
        double shadowAt = (r.nextDouble() - 0.5) * 0.3 * Math.min(w, h);
        double shadowDepth = strong ? 0.35 + 0.2 * r.nextDouble() : 0;
        double glareX = w * (0.3 + 0.4 * r.nextDouble());
        double glareY = h * (0.3 + 0.4 * r.nextDouble());
        double glareR = Math.min(w, h) * (0.08 + 0.1 * r.nextDouble());
        double glare = strong ? 90 + 60 * r.nextDouble() : 0;
        double cx = w / 2.0;
        double cy = h / 2.0;
        double diag = Math.hypot(cx, cy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double nx = (x - cx) / diag;
                double ny = (y - cy) / diag;
                double gain = 1 - 0.18 * (nx * nx + ny * ny);
                gain *= 1 - slope * (0.5 + 0.5 * (nx * gx + ny * gy));
                double add = 0;
                if (strong) {
                    double d = (x - cx) * sx + (y - cy) * sy - shadowAt;
                    gain *= 1 - shadowDepth / (1 + Math.exp(-d / 12)); // a soft edge about 12 px wide
                    double dx = (x - glareX) / glareR;
                    double dy = (y - glareY) / glareR;
                    add = glare * Math.exp(-(dx * dx + dy * dy));
                }
                int o = y * w + x;
                for (float[] plane : img) {
                    plane[o] = (float) (plane[o] * gain + add);
                }
            }
        }
    }

    private static void noise(float[][] img, int w, int h, double sigma, Random r) {
        float[] table = new float[4096];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (r.nextGaussian() * sigma);
        }
        int state = r.nextInt() | 1;
        for (int o = 0; o < w * h; o++) {
            state ^= state << 13; // xorshift: a Gaussian per pixel from the table, cheaply
            state ^= state >>> 17;
            state ^= state << 5;
            float n = table[state & 4095]; // luminance noise, as a phone's denoiser leaves it
            for (float[] plane : img) {
                plane[o] += n;
            }
        }
    }

    private static byte[] jpeg(float[][] img, int w, int h, boolean inverted, float quality) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = y * w + x;
                int rr = clamp(img[0][o]);
                int gg = clamp(img[1][o]);
                int bb = clamp(img[2][o]);
                int rgb = (rr << 16) | (gg << 8) | bb;
                row[x] = inverted ? ~rgb & 0xffffff : rgb;
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(out, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(float v) {
        return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 306 + ((rgb >> 8) & 0xff) * 601 + (rgb & 0xff) * 117) >> 10;
    }
}
