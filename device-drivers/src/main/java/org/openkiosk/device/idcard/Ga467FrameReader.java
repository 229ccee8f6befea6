package org.openkiosk.device.idcard;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.Transport;

/**
 * Turns a byte stream into GA 467 frames. Bytes may arrive in any pieces; anything before a preamble is skipped
 * (resynchronisation after line noise or a half-received earlier reply). A frame with an impossible LEN or a
 * wrong checksum is dropped and reported as {@link Ga467ProtocolException}; the next call continues with the
 * bytes after it, so one bad frame never poisons the stream.
 *
 * <p>Not thread-safe: one reader per link, used by one thread at a time.
 */
public final class Ga467FrameReader {

    private byte[] buffer = new byte[512];
    private int size;
    private long skippedBytes;
    /** Position in the whole received stream of {@code buffer[0]}, for located error messages. */
    private long streamOffset;

    /** Appends received bytes. */
    public void feed(byte[] bytes, int offset, int length) {
        ensureCapacity(size + length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /**
     * The next complete frame in the buffered bytes, if there is one.
     *
     * @throws Ga467ProtocolException for a frame whose LEN or checksum is wrong (it is consumed)
     */
    public Optional<Ga467Frame> next() throws Ga467ProtocolException {
        int start = indexOfPreamble();
        if (start < 0) {
            // keep a possible partial preamble at the end, drop the rest
            int keep = Math.min(size, Ga467Frame.PREAMBLE.length - 1);
            discard(size - keep, true);
            return Optional.empty();
        }
        discard(start, true);
        if (size < Ga467Frame.HEADER_LENGTH) {
            return Optional.empty();
        }
        int len = ((buffer[5] & 0xFF) << 8) | (buffer[6] & 0xFF);
        if (len < 3 || len > Ga467Frame.MAX_LEN) {
            long at = streamOffset;
            discard(1, true); // resynchronise on the next preamble
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.BAD_LENGTH, "frame at stream byte " + at
                    + ": LEN (frame bytes 5-6) expected 3.." + Ga467Frame.MAX_LEN + ", found " + len);
        }
        int total = Ga467Frame.HEADER_LENGTH + len;
        if (size < total) {
            return Optional.empty();
        }
        int payloadLength = len - 1;
        int expected = Ga467Frame.checksum(len, buffer, Ga467Frame.HEADER_LENGTH, payloadLength);
        int actual = buffer[total - 1] & 0xFF;
        byte[] payload = Arrays.copyOfRange(buffer, Ga467Frame.HEADER_LENGTH, Ga467Frame.HEADER_LENGTH + payloadLength);
        long at = streamOffset;
        discard(total, false); // zeroes the frame's bytes in the buffer
        if (expected != actual) {
            Arrays.fill(payload, (byte) 0); // may hold citizen data
            throw new Ga467ProtocolException(Ga467ProtocolException.Kind.BAD_CHECKSUM, String.format(
                    "frame at stream byte %d (LEN %d): CHK (frame byte %d) expected %02X, found %02X", at, len, total - 1, expected, actual));
        }
        return Optional.of(Ga467Frame.adopt(payload));
    }

    /**
     * Reads from the transport until one frame is complete.
     *
     * @throws ReadTimeoutException when no complete frame arrived within {@code timeout}
     * @throws Ga467ProtocolException for a corrupted frame
     * @throws org.openkiosk.device.transport.DisconnectedException when the device went away
     */
    public Ga467Frame read(Transport transport, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] chunk = new byte[1024];
        try {
            while (true) {
                Optional<Ga467Frame> frame = next();
                if (frame.isPresent()) {
                    return frame.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ReadTimeoutException(transport.describe() + ": no complete GA 467 frame within "
                            + timeout.toMillis() + " ms (" + size + " bytes pending)");
                }
                int n = transport.read(chunk, 0, chunk.length, Duration.ofNanos(left));
                if (n > 0) {
                    feed(chunk, 0, n);
                }
            }
        } finally {
            Arrays.fill(chunk, (byte) 0); // the last piece of a read reply
        }
    }

    /** Forgets buffered bytes (before a new command, so a late reply to an earlier one is not taken for its answer). */
    public void clear() {
        Arrays.fill(buffer, 0, size, (byte) 0);
        streamOffset += size;
        size = 0;
    }

    /** Bytes received but not yet part of a frame. */
    public int pendingBytes() {
        return size;
    }

    /** Garbage skipped while looking for preambles, for diagnostics. */
    public long skippedBytes() {
        return skippedBytes;
    }

    private int indexOfPreamble() {
        byte[] p = Ga467Frame.PREAMBLE;
        outer:
        for (int i = 0; i + p.length <= size; i++) {
            for (int j = 0; j < p.length; j++) {
                if (buffer[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void discard(int count, boolean garbage) {
        if (count <= 0) {
            return;
        }
        if (garbage) {
            skippedBytes += count;
        }
        streamOffset += count;
        System.arraycopy(buffer, count, buffer, 0, size - count);
        Arrays.fill(buffer, size - count, size, (byte) 0);
        size -= count;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            byte[] old = buffer;
            buffer = Arrays.copyOf(old, Math.max(needed, old.length * 2));
            Arrays.fill(old, (byte) 0); // the outgrown buffer may hold part of a card read
        }
    }
}
