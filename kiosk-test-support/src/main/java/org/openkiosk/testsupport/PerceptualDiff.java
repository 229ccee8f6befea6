package org.openkiosk.testsupport;

import java.awt.image.BufferedImage;

/**
 * Compares a rendered screen with its golden image the way a person would notice a change: a pixel counts as
 * changed only if its colour differs by more than {@link #COLOUR_TOLERANCE} from the golden pixel at the same
 * place AND from every golden pixel one step around it. So anti-aliasing noise and sub-pixel glyph shifts
 * (another FreeType build) pass, while a moved button, a wrapped title or a missing icon fail.
 */
public final class PerceptualDiff {

    /** Largest per-channel difference (0–255) still taken as the same colour. */
    public static final int COLOUR_TOLERANCE = 40;

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
        BufferedImage where = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        long changed = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = actual.getRGB(x, y);
                if (matchesAround(golden, x, y, a)) {
                    where.setRGB(x, y, faded(a));
                } else {
                    changed++;
                    where.setRGB(x, y, 0xff0000);
                }
            }
        }
        return new Result(changed, (double) changed / ((long) w * h), where);
    }

    private static boolean matchesAround(BufferedImage golden, int x, int y, int rgb) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int gx = x + dx;
                int gy = y + dy;
                if (gx >= 0 && gy >= 0 && gx < golden.getWidth() && gy < golden.getHeight()
                        && same(golden.getRGB(gx, gy), rgb)) {
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
}
