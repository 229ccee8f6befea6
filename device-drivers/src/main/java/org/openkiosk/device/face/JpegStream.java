package org.openkiosk.device.face;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of concatenated JPEG files (ffmpeg's {@code -f image2pipe -c:v mjpeg}) into frames by walking
 * the JPEG structure: SOI, length-prefixed segments, entropy-coded data up to the next marker, EOI. Reads are
 * bounded: a frame larger than {@code maxFrameBytes} or bytes that are not JPEG end the stream with an error.
 * Every byte read lands in one buffer owned here and is zeroed when it is consumed and on {@link #close()}; the
 * caller owns (and zeroes) the frames it is handed.
 */
final class JpegStream implements AutoCloseable {

    /** Each read asks for at least this much, into our own array (no intermediate buffer of the stream's). */
    static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxFrameBytes;
    private final byte[] buffer;
    private int length;
    private boolean ended;

    JpegStream(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
        this.buffer = new byte[maxFrameBytes + CHUNK];
    }

    /** The next frame (a new array the caller must zero), or null at a clean end of the stream. */
    byte[] next() throws IOException {
        while (true) {
            int end = length == 0 ? -1 : frameEnd(buffer, length);
            if (end > 0) {
                byte[] frame = Arrays.copyOfRange(buffer, 0, end);
                consume(end);
                return frame;
            }
            if (length > maxFrameBytes) {
                throw new IOException("a frame is larger than " + maxFrameBytes + " bytes");
            }
            if (ended) {
                if (length == 0) {
                    return null;
                }
                throw new IOException("the stream ended inside a frame (" + length + " bytes of it arrived)");
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                ended = true;
            } else {
                length += n;
            }
        }
    }

    /** Reads and zeroes the next frame; false at a clean end of the stream. */
    boolean skip() throws IOException {
        byte[] frame = next();
        if (frame == null) {
            return false;
        }
        Arrays.fill(frame, (byte) 0);
        return true;
    }

    private void consume(int count) {
        System.arraycopy(buffer, count, buffer, 0, length - count);
        Arrays.fill(buffer, length - count, length, (byte) 0);
        length -= count;
    }

    /**
     * Where the JPEG starting at 0 ends (exclusive), or -1 when more bytes are needed.
     *
     * @throws IOException when the bytes are not a JPEG
     */
    static int frameEnd(byte[] b, int length) throws IOException {
        return frameEnd(b, length, null);
    }

    /** A length-prefixed JPEG segment (APPn, SOFn, DQT, DHT, SOS…), seen by {@link #frameEnd(byte[], int, Segments)}. */
    interface Segments {
        /** @param from where its content starts (after the two length bytes); {@code to} is exclusive */
        void segment(int marker, int from, int to) throws IOException;
    }

    /** {@link #frameEnd(byte[], int)}, handing every whole length-prefixed segment on the way to {@code segments}. */
    static int frameEnd(byte[] b, int length, Segments segments) throws IOException {
        if (length < 2) {
            return -1;
        }
        if ((b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG frame (starts with " + String.format("%02x %02x", b[0], b[1]) + ")");
        }
        int at = 2;
        while (true) {
            // at a marker: 0xFF, optional fill 0xFF bytes, the marker code
            if (at >= length) {
                return -1;
            }
            if ((b[at] & 0xFF) != 0xFF) {
                throw new IOException("JPEG segment expected at offset " + at);
            }
            while (at < length && (b[at] & 0xFF) == 0xFF) {
                at++;
            }
            if (at >= length) {
                return -1;
            }
            int marker = b[at++] & 0xFF;
            if (marker == 0xD9) {
                return at;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // no length
            }
            if (marker == 0x00 || marker == 0xD8) {
                throw new IOException(String.format("bad JPEG marker %02x at offset %d", marker, at - 1));
            }
            if (at + 2 > length) {
                return -1;
            }
            int segment = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
            if (segment < 2) {
                throw new IOException("bad JPEG segment length " + segment + " at offset " + at);
            }
            if (segments != null && at + segment <= length) {
                segments.segment(marker, at + 2, at + segment);
            }
            at += segment;
            if (marker != 0xDA) {
                continue;
            }
            // entropy-coded data: up to a 0xFF that is neither stuffing (FF 00) nor a restart marker (FF D0–D7)
            while (true) {
                if (at + 1 >= length) {
                    return -1;
                }
                if ((b[at] & 0xFF) != 0xFF) {
                    at++;
                    continue;
                }
                int next = b[at + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    at += 2;
                } else if (next == 0xFF) {
                    at++;
                } else {
                    break; // a marker: EOI, or DHT/SOS of the next scan
                }
            }
        }
    }

    @Override
    public void close() {
        Arrays.fill(buffer, (byte) 0);
        length = 0;
    }
}
