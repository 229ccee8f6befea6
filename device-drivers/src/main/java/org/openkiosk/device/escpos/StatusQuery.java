package org.openkiosk.device.escpos;

import java.io.IOException;
import java.time.Duration;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.Transport;

/**
 * Real-time status over a transport: sends DLE EOT 1–4 at once (printers accept up to four queued queries) and
 * reads the four replies, skipping stray bytes that cannot be replies. Never call it in the middle of a job:
 * {@code 10 04 n} inside raster data would trigger replies as well.
 */
public final class StatusQuery {

    private static final byte[] QUERY = {0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4};

    private StatusQuery() {}

    public static PrinterStatus query(Transport transport, Duration timeout) throws IOException {
        transport.discardInput();
        transport.write(QUERY);
        int[] replies = readReplies(transport, 4, timeout, StatusReplies::isRealTimeReply, "DLE EOT");
        return StatusReplies.parse(replies[0], replies[1], replies[2], replies[3]);
    }

    /** Waits for the GS r 1 reply that says everything sent before it was processed. */
    public static PaperLevel awaitPaperSensor(Transport transport, Duration timeout) throws IOException {
        int[] reply = readReplies(transport, 1, timeout, StatusReplies::isPaperSensorReply, "GS r 1");
        return StatusReplies.parsePaperSensor(reply[0]);
    }

    /**
     * Asks GS r 1 on its own, outside any job: whether this model answers it at all (cheap models answer DLE EOT
     * but ignore GS r, so a job can never be confirmed on them).
     *
     * @throws ReadTimeoutException when no reply came within {@code timeout}
     */
    public static PaperLevel probePaperSensor(Transport transport, Duration timeout) throws IOException {
        transport.discardInput();
        transport.write(new byte[] {0x1D, 'r', 1});
        return awaitPaperSensor(transport, timeout);
    }

    interface ReplyFilter {
        boolean accepts(int b);
    }

    private static int[] readReplies(Transport transport, int count, Duration timeout, ReplyFilter filter, String what)
            throws IOException {
        int[] replies = new int[count];
        int got = 0;
        byte[] one = new byte[1];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ReadTimeoutException(transport.describe() + ": " + got + " of " + count + " replies to "
                        + what + " within " + timeout.toMillis() + " ms");
            }
            if (transport.read(one, 0, 1, Duration.ofNanos(left)) == 1 && filter.accepts(one[0] & 0xFF)) {
                replies[got++] = one[0] & 0xFF;
            }
        }
        return replies;
    }
}
