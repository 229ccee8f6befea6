package org.openkiosk.app.service.port;

import java.util.Objects;

/** How a print job ended: printed, or failed with a reason for the record and the screen. */
public record PrintOutcome(boolean printed, String failureReason) {

    public PrintOutcome {
        if (printed && failureReason != null) {
            throw new IllegalArgumentException("a printed job has no failure reason");
        }
        if (!printed) {
            Objects.requireNonNull(failureReason, "a failed job needs a reason");
        }
    }

    public static PrintOutcome success() {
        return new PrintOutcome(true, null);
    }

    public static PrintOutcome failed(String reason) {
        return new PrintOutcome(false, reason);
    }
}
