package org.openkiosk.app.service.port;

import java.util.Objects;

/**
 * How a print job ended: printed, sent but not confirmable, or failed with a reason for the record and the screen.
 *
 * @param printed   the whole job went to a printer that reported itself ready
 * @param confirmed the printer also confirmed that it finished the job; a receipt printer model without {@code GS r}
 *                  cannot (ADR 0131), so the citizen is told it was sent, never that it is printed
 */
public record PrintOutcome(boolean printed, String failureReason, boolean confirmed) {

    public PrintOutcome {
        if (printed && failureReason != null) {
            throw new IllegalArgumentException("a printed job has no failure reason");
        }
        if (!printed) {
            Objects.requireNonNull(failureReason, "a failed job needs a reason");
        }
        if (confirmed && !printed) {
            throw new IllegalArgumentException("only a printed job can be confirmed");
        }
    }

    /** Printed and, where the printer can say so, confirmed. */
    public PrintOutcome(boolean printed, String failureReason) {
        this(printed, failureReason, printed);
    }

    public static PrintOutcome success() {
        return new PrintOutcome(true, null, true);
    }

    /** Every byte went out to a ready printer that cannot confirm jobs (ADR 0131). */
    public static PrintOutcome sentNotConfirmed() {
        return new PrintOutcome(true, null, false);
    }

    public static PrintOutcome failed(String reason) {
        return new PrintOutcome(false, reason, false);
    }

    /** Sent whole, but the printer could not say it printed: the citizen is asked to check the slot. */
    public boolean sentUnconfirmed() {
        return printed && !confirmed;
    }
}
