package org.openkiosk.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Compares a rendered screen with its golden image the way a person would notice a change: a pixel counts as
 * changed only if its colour differs by more than {@link #COLOUR_TOLERANCE} from the golden pixel at the same
 * place AND from every golden pixel one step around it. So anti-aliasing noise and sub-pixel glyph shifts
 * (another FreeType build) pass, while a moved button, a wrapped title or a missing icon fail.
 *
 * <p>Goldens are stored at full size with 5 bits per colour channel ({@link #storable}: each channel moved to the
 * middle of its step of 8, at most {@value #STORAGE_ERROR} off), written with the strongest PNG compression: about
 * half the bytes of a 24-bit PNG, and far inside the tolerance (ADR 0188).
 */
public final class PerceptualDiff {

    /** Largest per-channel difference (0–255) still taken as the same colour. */
    public static final int COLOUR_TOLERANCE = 40;

    /** Largest per-channel difference between a screen and its stored golden ({@link #storable}). */
    public static final int STORAGE_ERROR = 4;

    /** The result: how many pixels changed, their share, and an image of where (red on a faded copy). */
    public record Result(long changedPixels, double changedFraction, BufferedImage where) {

        public boolean within(double maxFraction) {
            return changedFraction <= maxFraction;
        }
    }

    private PerceptualDiff() {}

    /** @throws IllegalArgumentException if the sizes differ (a size change is a layout change in itself) */
    public static Result compare(BufferedImage golden, BufferedImage actual) {
        int w = golden.getWidth();
        int h = golden.getHeight();
        if (actual.getWidth() != w || actual.getHeight() != h) {
            throw new IllegalArgumentException("size " + actual.getWidth() + "×" + actual.getHeight()
                    + " differs from the golden " + w + "×" + h);
        }
        // all pixels at once rather than a getRGB (a colour-model conversion) per pixel and neighbour
        int[] g = golden.getRGB(0, 0, w, h, null, 0, w);
        int[] a = actual.getRGB(0, 0, w, h, null, 0, w);
        int[] where = new int[w * h];
        long changed = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (same(g[i], a[i]) || matchesAround(g, w, h, x, y, a[i])) {
                    where[i] = faded(a[i]);
                } else {
                    changed++;
                    where[i] = 0xff0000;
                }
            }
        }
        BufferedImage marked = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        marked.setRGB(0, 0, w, h, where, 0, w);
        return new Result(changed, (double) changed / ((long) w * h), marked);
    }

    private static boolean matchesAround(int[] golden, int w, int h, int x, int y, int rgb) {
        for (int dy = -1; dy <= 1; dy++) {
            int gy = y + dy;
            if (gy < 0 || gy >= h) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int gx = x + dx;
                if (gx >= 0 && gx < w && same(golden[gy * w + gx], rgb)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean same(int p, int q) {
        return Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) <= COLOUR_TOLERANCE
                && Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff)) <= COLOUR_TOLERANCE
                && Math.abs((p & 0xff) - (q & 0xff)) <= COLOUR_TOLERANCE;
    }

    private static int faded(int rgb) {
        int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        int light = 180 + grey * 75 / 255;
        return (light << 16) | (light << 8) | light;
    }

    /**
     * The image as a golden keeps it: opaque RGB, each channel's three low bits set to the middle of their step
     * (0b100), so that every channel is at most {@value #STORAGE_ERROR} from the rendered one. Far fewer distinct
     * values than the rendered image: PNG's filters and deflate pack it into about half the bytes.
     */
    public static BufferedImage storable(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (rgb[i] & 0xf8f8f8) | 0x040404;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    /** Writes {@link #storable}({@code image}) to {@code file} as PNG with the strongest deflate level. */
    public static void writeGolden(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0f); // 0 = smallest file (deflate level 9)
            writer.setOutput(stream);
            writer.write(null, new IIOImage(storable(image), null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
