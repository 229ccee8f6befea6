package org.openkiosk.device.face;

import java.util.Arrays;

/**
 * One decoded preview frame: opaque ARGB pixels (mirrored, like a mirror, and scaled to fit the preview), held in
 * memory only until it is painted or dropped. A preview frame is a face image too: {@link #close()} zeroes it, and
 * {@link #toString()} never shows content.
 */
public final class PreviewFrame implements AutoCloseable {

    private final int[] argb;
    private final int width;
    private final int height;
    private final long sequence;
    private volatile boolean wiped;

    PreviewFrame(int[] argb, int width, int height, long sequence) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "×" + height);
        }
        this.argb = argb;
        this.width = width;
        this.height = height;
        this.sequence = sequence;
    }

    /** The pixels themselves (row after row, {@code width} each), not a copy: do not keep them beyond the call. */
    public int[] argb() {
        if (wiped) {
            throw new IllegalStateException("the preview frame was already wiped");
        }
        return argb;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** 1 for the first frame the camera delivered, counting every frame (dropped ones too). */
    public long sequence() {
        return sequence;
    }

    public boolean isWiped() {
        return wiped;
    }

    /** Zeroes the pixels; idempotent. */
    @Override
    public void close() {
        Arrays.fill(argb, 0);
        wiped = true;
    }

    @Override
    public String toString() {
        return "PreviewFrame[" + width + "×" + height + ", #" + sequence + (wiped ? ", wiped" : "") + "]";
    }
}
