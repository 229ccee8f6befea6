package org.openkiosk.app.store.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * What the operator is told about forwarding: "store unreachable since 02:00, 37 records waiting".
 *
 * @param unreachableSince when the first forward in the current outage failed; empty while the hall store answers
 * @param waiting          records in the journal not yet confirmed by the hall store
 * @param problem          the last failure that was not an outage (e.g. a record the hall store rejects)
 */
public record ShipperStatus(Optional<Instant> unreachableSince, long waiting, Optional<String> problem) {

    public boolean reachable() {
        return unreachableSince.isEmpty();
    }

    /** For the operator, in the kiosk's local time: "store unreachable since 2026-12-02 02:00, 37 records waiting". */
    public String describe(java.time.ZoneId zone) {
        String count = waiting < 0 ? "an unknown number of" : Long.toString(waiting);
        String records = waiting == 1 ? " record waiting" : " records waiting";
        if (unreachableSince.isEmpty()) {
            return "store reachable, " + count + records;
        }
        String since = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(unreachableSince.get().atZone(zone));
        return "store unreachable since " + since + ", " + count + records;
    }
}
