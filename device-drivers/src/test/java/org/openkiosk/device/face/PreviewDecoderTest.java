package org.openkiosk.device.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.IdNumber;
import org.w3c.dom.NodeList;

/**
 * The preview decoder's own colour conversion (ADR 0185, addendum 2): a JPEG is read as raw samples and converted
 * here, so its colours are checked against known colours and against the JDK's own decoding, for every way a JPEG
 * header can say how its components are coded. The heap side (no decoded copy left behind) is in
 * {@link FfmpegCameraTest}, with real camera-like frames.
 */
class PreviewDecoderTest {

    private static final Color RED = new Color(220, 30, 30);
    private static final Color GREEN = new Color(30, 200, 40);
    private static final Color BLUE = new Color(30, 40, 210);
    private static final Color GREY = new Color(128, 128, 128);

    @Test
    void solidColourBlocksDecodeToTheirColoursMirrored() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color[] blocks = {RED, GREEN, BLUE, GREY}; // top left, top right, bottom left, bottom right
        for (int i = 0; i < 4; i++) {
            g.setColor(blocks[i]);
            g.fillRect(160 * (i % 2), 120 * (i / 2), 160, 120);
        }
        g.dispose();
        byte[] jpeg = jpeg(image, false);
        try (FaceImage frame = new FaceImage(jpeg.clone(), "image/jpeg");
             PreviewFrame decoded = PreviewDecoder.decode(frame, 320, 240, 1)) {
            assertThat(decoded.width()).isEqualTo(320);
            assertThat(decoded.height()).isEqualTo(240);
            // mirrored: the camera's top left block is on the preview's top right
            assertColour(decoded, 240, 60, RED);
            assertColour(decoded, 80, 60, GREEN);
            assertColour(decoded, 240, 180, BLUE);
            assertColour(decoded, 80, 180, GREY);
        }
        try (FaceImage frame = new FaceImage(jpeg, "image/jpeg");
             PreviewFrame decoded = PreviewDecoder.decode(frame, 100, 100, 2)) {
            // scaled to the box as before: 1/3 subsampling, then fitted to 100×75
            assertThat(decoded.width()).isEqualTo(100);
            assertThat(decoded.height()).isEqualTo(75);
            assertColour(decoded, 75, 18, RED);
            assertColour(decoded, 25, 56, GREY);
        }
    }

    @Test
    void aGreyscaleJpegShowsItsLevelsAsGrey() throws Exception {
        BufferedImage image = new BufferedImage(192, 64, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] levels = {40, 128, 220};
        for (int i = 0; i < 3; i++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 64 * i; x < 64 * (i + 1); x++) {
                    raster.setSample(x, y, 0, levels[i]);
                }
            }
        }
        byte[] jpeg = jpeg(image, false);
        assertThat(components(jpeg)).isEqualTo(1);
        try (FaceImage frame = new FaceImage(jpeg, "image/jpeg");
             PreviewFrame decoded = PreviewDecoder.decode(frame, 192, 64, 1)) {
            for (int i = 0; i < 3; i++) {
                int level = levels[i];
                // R = G = B = Y, as libjpeg turns grey into RGB (BufferedImage.getRGB of a TYPE_BYTE_GRAY image
                // would brighten it: it takes the samples for linear grey)
                assertColour(decoded, 191 - (64 * i + 32), 32, new Color(level, level, level));
            }
            assertSameAsJdk(decoded, jdkArgb(jpeg, 1), 1);
        }
    }

    @Test
    void aDrawnFrameDecodesToTheJdksOwnColoursAtFullAndReducedSize() throws Exception {
        byte[] jpeg = jpeg(drawn(), false);
        try (FaceImage frame = new FaceImage(jpeg, "image/jpeg");
             PreviewFrame full = PreviewDecoder.decode(frame, 320, 240, 1);
             PreviewFrame half = PreviewDecoder.decode(frame, 160, 120, 2)) {
            assertSameAsJdk(full, jdkArgb(jpeg, 1), 1);
            assertThat(half.width()).isEqualTo(160);
            assertSameAsJdk(half, jdkArgb(jpeg, 2), 2);
        }
    }

    /** Each way a header may say how three components are coded: the JDK's colours, or refused like the JDK. */
    @Test
    void everyColourCodingOfAHeaderIsReadAsTheJdkReadsItOrRefusedAsTheJdkRefusesIt() throws Exception {
        BufferedImage drawn = drawn();
        byte[] jfif420 = jpeg(drawn, false);
        byte[] jfif444 = jpeg(drawn, true);
        assertThat(sampling(jfif420)).isNotEqualTo(new int[] {0x11, 0x11, 0x11});
        assertThat(sampling(jfif444)).isEqualTo(new int[] {0x11, 0x11, 0x11});
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"JFIF 4:2:0", jfif420, PreviewDecoder.Colours.YCBCR});
        cases.add(new Object[] {"JFIF 4:4:4", jfif444, PreviewDecoder.Colours.YCBCR});
        cases.add(new Object[] {"no marker, ids 1 2 3, 4:2:0", withoutJfif(jfif420), PreviewDecoder.Colours.YCBCR});
        cases.add(new Object[] {"no marker, ids 1 2 3, 4:4:4", withoutJfif(jfif444), PreviewDecoder.Colours.YCBCR});
        cases.add(new Object[] {"no marker, ids R G B", ids(withoutJfif(jfif444), 'R', 'G', 'B'), PreviewDecoder.Colours.RGB});
        cases.add(new Object[] {"no marker, ids 4 5 6, 4:4:4", ids(withoutJfif(jfif444), 4, 5, 6), PreviewDecoder.Colours.RGB});
        cases.add(new Object[] {"no marker, ids 4 5 6, 4:2:0", ids(withoutJfif(jfif420), 4, 5, 6), PreviewDecoder.Colours.YCBCR});
        // the JDK keeps only APP2 markers, so its "is it Exif" test never sees an APP1
        cases.add(new Object[] {"Exif, ids 4 5 6, 4:4:4", exif(ids(withoutJfif(jfif444), 4, 5, 6)), PreviewDecoder.Colours.RGB});
        cases.add(new Object[] {"Adobe transform 0", adobe(withoutJfif(jfif444), 0), PreviewDecoder.Colours.RGB});
        cases.add(new Object[] {"Adobe transform 1", adobe(withoutJfif(jfif420), 1), PreviewDecoder.Colours.YCBCR});
        cases.add(new Object[] {"Adobe transform 2", adobe(withoutJfif(jfif444), 2), null});
        cases.add(new Object[] {"JFIF and Adobe transform 0", adobe(jfif444, 0), null});
        for (Object[] c : cases) {
            String name = (String) c[0];
            byte[] jpeg = (byte[]) c[1];
            PreviewDecoder.Colours expected = (PreviewDecoder.Colours) c[2];
            int[] jdk = jdkArgb(jpeg, 1);
            if (expected == null) {
                assertThat(jdk).as(name + ": the JDK refuses it").isNull();
                assertThatThrownBy(() -> PreviewDecoder.Colours.of(jpeg)).as(name)
                        .isInstanceOf(IOException.class).hasMessageContaining("Adobe colour transform");
                assertThatThrownBy(() -> PreviewDecoder.decode(new FaceImage(jpeg, "image/jpeg"), 320, 240, 1))
                        .as(name).isInstanceOf(IOException.class);
                continue;
            }
            assertThat(PreviewDecoder.Colours.of(jpeg)).as(name).isEqualTo(expected);
            assertThat(jdk).as(name + ": the JDK reads it").isNotNull();
            try (FaceImage frame = new FaceImage(jpeg, "image/jpeg");
                 PreviewFrame decoded = PreviewDecoder.decode(frame, 320, 240, 1)) {
                assertSameAsJdk(name, decoded, jdk, 1);
            }
        }
    }

    @Test
    void aCmykJpegAndBytesThatAreNoJpegAreRefusedWithTheReason() throws Exception {
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int i = 0; i < 64 * 48 * 4; i++) {
            ((DataBufferByte) cmyk.getDataBuffer()).getData()[i] = (byte) (i * 7);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        assertThat(components(out.toByteArray())).isEqualTo(4);
        assertThatThrownBy(() -> PreviewDecoder.decode(new FaceImage(out.toByteArray(), "image/jpeg"), 64, 48, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("CMYK");
        assertThatThrownBy(() -> PreviewDecoder.decode(new FaceImage("<html>".getBytes(), "image/jpeg"), 64, 48, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("not a JPEG");
    }

    @Test
    void theSimulatedMatcherReadsJpegFramesThroughTheSameDecoder() throws Exception {
        BufferedImage plain = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plain.createGraphics();
        g.setColor(GREY);
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        SimulatedFaceMatcher matcher = new SimulatedFaceMatcher(FaceMatch.MATCH);
        try (FaceReference photo = new FaceReference(IdNumber.parse("11010519491231002X"), new byte[] {1});
             FaceImage nobody = new FaceImage(jpeg(plain, false), "image/jpeg");
             FaceImage somebody = new FaceImage(jpeg(drawn(), false), "image/jpeg")) {
            assertThat(matcher.compare(nobody, photo)).isEqualTo(FaceMatch.NO_FACE);
            assertThat(matcher.compare(somebody, photo)).isEqualTo(FaceMatch.MATCH);
        }
    }

    @Test
    void theConversionIsLibjpegsArithmetic() {
        assertThat(PreviewDecoder.ycc(128, 128, 128)).isEqualTo(0x808080);
        assertThat(PreviewDecoder.ycc(76, 85, 255)).isEqualTo(0xFE0000); // pure red, rounded as libjpeg does
        assertThat(PreviewDecoder.ycc(255, 255, 255)).isEqualTo(0xFF79FF); // red and blue clamped
        assertThat(PreviewDecoder.ycc(0, 0, 0)).isEqualTo(0x008700);
    }

    // ---- the JDK's own decoding, as the reference ----

    /**
     * The JDK's own colours for a JPEG (libjpeg's conversion), as 0xRRGGBB per pixel, not mirrored; null when the
     * JDK refuses the JPEG. An RGB destination is asked for, so that a grey JPEG is turned into RGB by libjpeg too.
     */
    static int[] jdkArgb(byte[] jpeg, int sub) throws IOException {
        byte[] rgb = jdkRgb(jpeg, sub);
        if (rgb == null) {
            return null;
        }
        int[] argb = new int[rgb.length / 3];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        Arrays.fill(rgb, (byte) 0);
        return argb;
    }

    /**
     * The JDK's own decoding of a JPEG into R, G, B bytes, row after row (the caller zeroes them); null when the JDK
     * refuses it. The destination is an image of ours whose bands are in R, G, B order: the reader copies each of its
     * decoded lines into it whole, so this leaves no copy behind (the image {@code ImageIO.read} makes has B, G, R
     * bands, which the reader fills through a new array per line). The reader's stream buffer is overwritten as the
     * preview decoder does.
     */
    static byte[] jdkRgb(byte[] jpeg, int sub) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByMIMEType("image/jpeg").next();
        try (PreviewDecoder.InPlace in = new PreviewDecoder.InPlace(jpeg)) {
            reader.setInput(in, true, true);
            boolean rgbOffered = false;
            for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
                ColorModel model = types.next().getColorModel();
                rgbOffered |= model.getNumComponents() == 3 && model.getColorSpace().isCS_sRGB();
            }
            if (!rgbOffered) {
                return null;
            }
            int width = (reader.getWidth(0) + sub - 1) / sub;
            int height = (reader.getHeight(0) + sub - 1) / sub;
            WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                    new int[] {0, 1, 2}, null);
            ColorModel rgb = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                    ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(sub, sub, 0, 0);
            param.setDestination(new BufferedImage(rgb, raster, false, null));
            reader.read(0, param);
            return ((DataBufferByte) raster.getDataBuffer()).getData();
        } catch (javax.imageio.IIOException refused) {
            return null;
        } finally {
            PreviewDecoder.overwriteStreamBuffer(reader);
            reader.dispose();
        }
    }

    /** Every pixel of the (mirrored) preview against the JDK's colours, each channel within {@code tolerance}. */
    static void assertSameAsJdk(PreviewFrame decoded, int[] jdk, int tolerance) {
        assertSameAsJdk("", decoded, jdk, tolerance);
    }

    static void assertSameAsJdk(String name, PreviewFrame decoded, int[] jdk, int tolerance) {
        int width = decoded.width();
        assertThat(jdk).hasSize(width * decoded.height());
        int[] argb = decoded.argb();
        int worst = 0;
        for (int y = 0; y < decoded.height(); y++) {
            for (int x = 0; x < width; x++) {
                int ours = argb[y * width + width - 1 - x];
                int theirs = jdk[y * width + x];
                assertThat(ours >>> 24).isEqualTo(0xFF);
                for (int shift = 0; shift <= 16; shift += 8) {
                    worst = Math.max(worst, Math.abs((ours >> shift & 0xFF) - (theirs >> shift & 0xFF)));
                }
            }
        }
        assertThat(worst).as(name + " largest difference of a channel from the JDK's decoding").isLessThanOrEqualTo(tolerance);
    }

    private static void assertColour(PreviewFrame frame, int x, int y, Color expected) {
        int pixel = frame.argb()[y * frame.width() + x];
        assertThat(pixel >>> 24).isEqualTo(0xFF);
        assertThat(new int[] {pixel >> 16 & 0xFF, pixel >> 8 & 0xFF, pixel & 0xFF})
                .as("pixel (%d, %d)", x, y)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isBetween(expected.getRed() - 4, expected.getRed() + 4);
                    assertThat(rgb[1]).isBetween(expected.getGreen() - 4, expected.getGreen() + 4);
                    assertThat(rgb[2]).isBetween(expected.getBlue() - 4, expected.getBlue() + 4);
                });
    }

    // ---- test pictures and header surgery ----

    /** Gradients, shapes and noise: every hue and level, sharp edges and smooth areas, like a camera's picture. */
    static BufferedImage drawn() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(250, 220, 40), 320, 240, new Color(20, 60, 200)));
        g.fillRect(0, 0, 320, 240);
        g.setPaint(new GradientPaint(0, 0, new Color(230, 20, 120), 0, 240, new Color(10, 200, 90)));
        g.fillOval(90, 30, 140, 180);
        g.setColor(Color.BLACK);
        g.fillRect(20, 20, 40, 40);
        g.setColor(Color.WHITE);
        g.fillRect(260, 180, 40, 40);
        g.dispose();
        Random random = new Random(7);
        for (int y = 0; y < 240; y += 2) {
            for (int x = 0; x < 320; x += 3) {
                int noise = random.nextInt(41) - 20;
                int rgb = image.getRGB(x, y);
                int r = Math.max(0, Math.min(255, (rgb >> 16 & 0xFF) + noise));
                int gr = Math.max(0, Math.min(255, (rgb >> 8 & 0xFF) - noise));
                int b = Math.max(0, Math.min(255, (rgb & 0xFF) + noise / 2));
                image.setRGB(x, y, r << 16 | gr << 8 | b);
            }
        }
        return image;
    }

    /** ImageIO's JPEG (JFIF, component ids 1 2 3); 4:4:4 when {@code unsubsampled}, else ImageIO's 4:2:0. */
    static byte[] jpeg(BufferedImage image, boolean unsubsampled) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        if (unsubsampled) {
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(format);
            NodeList specs = tree.getElementsByTagName("componentSpec");
            for (int i = 0; i < specs.getLength(); i++) {
                ((IIOMetadataNode) specs.item(i)).setAttribute("HsamplingFactor", "1");
                ((IIOMetadataNode) specs.item(i)).setAttribute("VsamplingFactor", "1");
            }
            metadata.setFromTree(format, tree);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A segment found in a JPEG: its marker and where it lies, marker bytes included. */
    private record Segment(int marker, int start, int from, int to) {}

    private static List<Segment> segments(byte[] jpeg) throws IOException {
        List<Segment> found = new ArrayList<>();
        JpegStream.frameEnd(jpeg, jpeg.length, (marker, from, to) -> found.add(new Segment(marker, from - 4, from, to)));
        return found;
    }

    private static Segment first(byte[] jpeg, int marker) throws IOException {
        return segments(jpeg).stream().filter(s -> s.marker() == marker).findFirst().orElseThrow();
    }

    /** The frame header (baseline, extended or progressive). */
    private static Segment frameHeader(byte[] jpeg) throws IOException {
        return segments(jpeg).stream().filter(s -> s.marker() >= 0xC0 && s.marker() <= 0xC2).findFirst().orElseThrow();
    }

    private static int components(byte[] jpeg) throws IOException {
        return jpeg[frameHeader(jpeg).from() + 5] & 0xFF;
    }

    private static int[] sampling(byte[] jpeg) throws IOException {
        int from = frameHeader(jpeg).from();
        return new int[] {jpeg[from + 7] & 0xFF, jpeg[from + 10] & 0xFF, jpeg[from + 13] & 0xFF};
    }

    private static byte[] withoutJfif(byte[] jpeg) throws IOException {
        Segment app0 = first(jpeg, 0xE0);
        byte[] out = new byte[jpeg.length - (app0.to() - app0.start())];
        System.arraycopy(jpeg, 0, out, 0, app0.start());
        System.arraycopy(jpeg, app0.to(), out, app0.start(), jpeg.length - app0.to());
        assertThat(segments(out)).noneMatch(s -> s.marker() == 0xE0);
        return out;
    }

    /** The component ids changed in the frame header and in every scan header. */
    private static byte[] ids(byte[] jpeg, int a, int b, int c) throws IOException {
        byte[] out = jpeg.clone();
        int[] ids = {a, b, c};
        int sof = frameHeader(out).from();
        int[] old = new int[3];
        for (int i = 0; i < 3; i++) {
            old[i] = out[sof + 6 + 3 * i] & 0xFF;
            out[sof + 6 + 3 * i] = (byte) ids[i];
        }
        for (Segment sos : segments(out)) {
            if (sos.marker() == 0xDA) {
                for (int k = 0; k < (out[sos.from()] & 0xFF); k++) {
                    int at = sos.from() + 1 + 2 * k;
                    for (int i = 0; i < 3; i++) {
                        if ((jpeg[at] & 0xFF) == old[i]) {
                            out[at] = (byte) ids[i];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** An Adobe APP14 segment with the colour transform, right after SOI. */
    private static byte[] adobe(byte[] jpeg, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        return afterSoi(jpeg, app14);
    }

    /** An Exif APP1 segment (an empty little-endian TIFF directory), right after SOI. */
    private static byte[] exif(byte[] jpeg) {
        byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, 22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0,
                0, 0, 0, 0};
        return afterSoi(jpeg, app1);
    }

    private static byte[] afterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }
}
