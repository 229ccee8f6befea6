package org.openkiosk.device.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte pipe to a device (serial port, TCP socket, USB printer-class file …). Protocol code writes and reads
 * bytes through this seam only, so the same driver runs over every link and over a simulator.
 *
 * <p>Every read has a timeout. A vanished device surfaces as {@link DisconnectedException} so the driver can
 * report OFFLINE and reopen later; it never shows up as a hang.
 */
public interface Transport extends AutoCloseable {

    void open() throws IOException;

    boolean isOpen();

    /**
     * Reads up to {@code len} bytes, waiting at most {@code timeout} for the first one.
     *
     * @return the number of bytes read, 0 when the timeout passed with no data
     * @throws DisconnectedException when the other end is gone
     */
    int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException;

    /** Writes all bytes; fails rather than blocking for ever when the device stops accepting data. */
    void write(byte[] data) throws IOException;

    /** Drops any bytes already received but not read (stale replies before a new command). */
    void discardInput() throws IOException;

    /** For logs and technician output, e.g. {@code serial:/dev/ttyUSB0?baud=115200}. */
    String describe();

    @Override
    void close();

    /** Reads exactly {@code length} bytes or fails with a timeout/disconnect; the overall deadline is shared. */
    default void readFully(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int done = 0;
        while (done < length) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ReadTimeoutException(describe() + ": timed out after " + done + " of " + length + " bytes");
            }
            int n = read(buffer, offset + done, length - done, Duration.ofNanos(left));
            done += n;
        }
    }
}
