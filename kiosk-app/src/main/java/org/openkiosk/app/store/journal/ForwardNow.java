package org.openkiosk.app.store.journal;

import java.time.Duration;

/**
 * Forwards a just-journalled record at once and says whether the hall store confirmed it in time (ADR 0173); in a
 * hall kiosk this is {@link Shipper#forwardNow}. A record not confirmed stays in the journal for the shipper.
 */
@FunctionalInterface
public interface ForwardNow {

    /** Never waits: every record goes with the shipper's next drain (e.g. a benchmark measuring the journal alone). */
    ForwardNow NEVER = (record, within) -> false;

    boolean forwarded(JournalRecord record, Duration within);
}
