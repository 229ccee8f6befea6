package org.openkiosk.device.docscan;

import org.openkiosk.device.RecommendedAction;

/**
 * SANE status codes, which {@code scanimage} uses as its exit code, with what to do about each.
 */
enum SaneStatus {
    GOOD(0, "ok", RecommendedAction.NONE, false),
    UNSUPPORTED(1, "operation not supported or the device could not be opened", RecommendedAction.CHECK_CONFIGURATION, false),
    CANCELLED(2, "scan cancelled", RecommendedAction.RETRY, true),
    DEVICE_BUSY(3, "scanner busy", RecommendedAction.RETRY, true),
    INVAL(4, "invalid scanner option or device name", RecommendedAction.CHECK_CONFIGURATION, false),
    EOF(5, "no more data", RecommendedAction.RETRY, true),
    JAMMED(6, "document feeder jammed", RecommendedAction.CLEAR_PAPER_JAM, true),
    NO_DOCS(7, "no document in the feeder", RecommendedAction.LOAD_PAPER, true),
    COVER_OPEN(8, "scanner cover open", RecommendedAction.CLOSE_COVER, true),
    IO_ERROR(9, "error talking to the scanner", RecommendedAction.RECONNECT, true),
    NO_MEM(10, "out of memory", RecommendedAction.CALL_MAINTENANCE, false),
    ACCESS_DENIED(11, "access to the scanner denied (permissions)", RecommendedAction.CHECK_CONFIGURATION, false);

    final int code;
    final String meaning;
    final RecommendedAction action;
    final boolean retryable;

    SaneStatus(int code, String meaning, RecommendedAction action, boolean retryable) {
        this.code = code;
        this.meaning = meaning;
        this.action = action;
        this.retryable = retryable;
    }

    static SaneStatus ofExitCode(int exitCode) {
        for (SaneStatus status : values()) {
            if (status.code == exitCode) {
                return status;
            }
        }
        return IO_ERROR;
    }
}
