package org.openkiosk.device.escpos;

/**
 * Parses the one-byte replies to DLE EOT n and GS r 1. Some models set only one bit of each two-bit pair, so
 * every bit is tested on its own.
 */
public final class StatusReplies {

    private StatusReplies() {}

    /** Every DLE EOT reply has the form 0xx1xx10. */
    public static boolean isRealTimeReply(int b) {
        return (b & 0x93) == 0x12;
    }

    /** GS r 1 replies have the form 0xx0xx00 (bits 4 and 7 clear, bits 0/1 near end, 2/3 paper end). */
    public static boolean isPaperSensorReply(int b) {
        return (b & 0x90) == 0x00 && !isRealTimeReply(b);
    }

    /**
     * Combines the replies to DLE EOT 1, 2, 3 and 4. Pass {@code -1} for a query that was not sent (e.g. the
     * three-byte answer {@code 1A 32 7E} of an offline printer to DLE EOT 1, 2 and 4).
     *
     * @throws EscPosProtocolException when a byte is not a real-time status reply
     */
    public static PrinterStatus parse(int printer, int offlineCause, int errorCause, int paperSensor)
            throws EscPosProtocolException {
        int r1 = check(printer, 1);
        int r2 = check(offlineCause, 2);
        int r3 = check(errorCause, 3);
        int r4 = check(paperSensor, 4);
        boolean online = r1 < 0 || (r1 & 0x08) == 0;
        boolean coverOpen = r2 >= 0 && (r2 & 0x04) != 0;
        boolean paperEnd = (r4 >= 0 && (r4 & 0x60) != 0) || (r2 >= 0 && (r2 & 0x20) != 0);
        boolean nearEnd = r4 >= 0 && (r4 & 0x0C) != 0;
        boolean cutter = r3 >= 0 && (r3 & 0x08) != 0;
        boolean unrecoverable = r3 >= 0 && (r3 & 0x20) != 0;
        boolean autoRecoverable = r3 >= 0 && (r3 & 0x40) != 0;
        PaperLevel paper = paperEnd ? PaperLevel.EMPTY : nearEnd ? PaperLevel.NEAR_END : PaperLevel.OK;
        return new PrinterStatus(online, coverOpen, paper, cutter, unrecoverable, autoRecoverable);
    }

    /** The paper level a GS r 1 reply reports. */
    public static PaperLevel parsePaperSensor(int reply) throws EscPosProtocolException {
        if (reply < 0 || reply > 0xFF || !isPaperSensorReply(reply)) {
            throw new EscPosProtocolException(String.format("0x%02X is not a GS r 1 paper-sensor reply", reply & 0xFF));
        }
        if ((reply & 0x0C) != 0) {
            return PaperLevel.EMPTY;
        }
        return (reply & 0x03) != 0 ? PaperLevel.NEAR_END : PaperLevel.OK;
    }

    private static int check(int reply, int n) throws EscPosProtocolException {
        if (reply < 0) {
            return -1;
        }
        if (reply > 0xFF || !isRealTimeReply(reply)) {
            throw new EscPosProtocolException(String.format("0x%02X is not a reply to DLE EOT %d (expected 0xx1xx10)", reply & 0xFF, n));
        }
        return reply;
    }
}
