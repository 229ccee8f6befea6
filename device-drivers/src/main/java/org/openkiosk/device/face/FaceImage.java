package org.openkiosk.device.face;

import java.util.Arrays;
import java.util.Objects;

/**
 * One live camera frame, encoded (JPEG or PNG), held only in memory for one verification. The array is not
 * copied: whoever holds the image closes it, which zeroes the bytes. {@link #toString()} never shows content.
 */
public final class FaceImage implements AutoCloseable {

    private final byte[] encoded;
    private final String mediaType;
    private volatile boolean wiped;

    /** @param encoded the image file's bytes, adopted (not copied) */
    public FaceImage(byte[] encoded, String mediaType) {
        this.encoded = Objects.requireNonNull(encoded, "encoded");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    }

    /** The bytes themselves, not a copy: do not keep them beyond the call. */
    public byte[] bytes() {
        if (wiped) {
            throw new IllegalStateException("the face image was already wiped");
        }
        return encoded;
    }

    public int length() {
        return encoded.length;
    }

    /** {@code image/jpeg} or {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    public boolean isWiped() {
        return wiped;
    }

    /** Zeroes the bytes; idempotent. */
    @Override
    public void close() {
        Arrays.fill(encoded, (byte) 0);
        wiped = true;
    }

    @Override
    public String toString() {
        return "FaceImage[" + mediaType + ", " + encoded.length + " bytes" + (wiped ? ", wiped" : "") + "]";
    }
}
