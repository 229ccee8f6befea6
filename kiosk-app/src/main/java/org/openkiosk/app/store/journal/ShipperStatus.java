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
}
