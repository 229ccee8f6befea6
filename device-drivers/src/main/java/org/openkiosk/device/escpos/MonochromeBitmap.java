package org.openkiosk.device.escpos;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A 1-bit image in the printer's raster layout: rows of {@code bytesPerRow} bytes, most significant bit first,
 * a set bit prints a dot.
 */
public final class MonochromeBitmap {

    private final int bytesPerRow;
    private final int height;
    private final byte[] data;

    public MonochromeBitmap(int bytesPerRow, int height, byte[] data) {
        if (bytesPerRow <= 0 || height <= 0 || data.length != bytesPerRow * height) {
            throw new IllegalArgumentException("bitmap " + bytesPerRow + " bytes × " + height + " rows needs "
                    + ((long) bytesPerRow * height) + " bytes, got " + data.length);
        }
        this.bytesPerRow = bytesPerRow;
        this.height = height;
        this.data = data.clone();
    }

    /** Thresholds an image at mid-grey (alpha counts as white paper). */
    public static MonochromeBitmap of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int bytesPerRow = (width + 7) / 8;
        byte[] data = new byte[bytesPerRow * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                int luminance = (r * 299 + g * 587 + b * 114) / 1000;
                boolean dark = alpha >= 128 && luminance < 128;
                if (dark) {
                    data[y * bytesPerRow + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return new MonochromeBitmap(bytesPerRow, height, data);
    }

    public int bytesPerRow() {
        return bytesPerRow;
    }

    public int widthDots() {
        return bytesPerRow * 8;
    }

    public int height() {
        return height;
    }

    public boolean isSet(int x, int y) {
        return (data[y * bytesPerRow + x / 8] & (0x80 >>> (x % 8))) != 0;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), as raw raster bytes. */
    public byte[] rows(int from, int to) {
        return Arrays.copyOfRange(data, from * bytesPerRow, to * bytesPerRow);
    }

    public int darkDots() {
        int n = 0;
        for (byte b : data) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    /** Black on white, for PNG output and QR decoding of what was printed. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(widthDots(), height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < widthDots(); x++) {
                image.setRGB(x, y, isSet(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }
}
