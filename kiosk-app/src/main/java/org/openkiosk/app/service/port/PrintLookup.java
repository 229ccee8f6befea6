package org.openkiosk.app.service.port;

import java.util.Objects;

/**
 * What the printer says, after a crash or an outage, about a job the kiosk sent and never heard the end of
 * (ADR 0165).
 *
 * @param verdict {@link Verdict#PRINTED} when the printer's job history lists it completed, {@link Verdict#NOT_PRINTED}
 *                when it was cancelled or aborted (or cancelled now, before it came out), {@link Verdict#UNKNOWN} when
 *                the printer cannot say (no job history, the job no longer in it)
 * @param cause   for the record and the technician: what the printer said, or why it could not be known
 * @param retry   UNKNOWN only for now (the printer did not answer): ask again later
 */
public record PrintLookup(Verdict verdict, String cause, boolean retry) {

    public enum Verdict { PRINTED, NOT_PRINTED, UNKNOWN }

    public PrintLookup {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(cause);
        if (retry && verdict != Verdict.UNKNOWN) {
            throw new IllegalArgumentException("only an unknown outcome is asked again");
        }
    }

    public static PrintLookup printed(String cause) {
        return new PrintLookup(Verdict.PRINTED, cause, false);
    }

    public static PrintLookup notPrinted(String cause) {
        return new PrintLookup(Verdict.NOT_PRINTED, cause, false);
    }

    public static PrintLookup unknown(String cause) {
        return new PrintLookup(Verdict.UNKNOWN, cause, false);
    }

    public static PrintLookup askAgainLater(String cause) {
        return new PrintLookup(Verdict.UNKNOWN, cause, true);
    }
}
