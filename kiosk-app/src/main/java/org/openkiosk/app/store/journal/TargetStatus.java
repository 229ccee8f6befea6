package org.openkiosk.app.store.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the operator is told about one {@link JournalTarget} (ADR 0162).
 *
 * @param target           the target's name
 * @param unreachableSince when the first attempt of the current outage failed; empty while the target answers
 * @param waiting          records of the target's kinds it has not settled; -1 when the journal cannot be read
 * @param problem          the last reason an attempt failed (e.g. HTTP 503, connection refused)
 * @param nextAttempt      when the shipper tries again during an outage
 * @param rejectedRecently records the target refused for good in the last {@link Shipper#REJECTIONS_SHOWN}, newest
 *                         first
 */
public record TargetStatus(String target, Optional<Instant> unreachableSince, long waiting, Optional<String> problem,
                           Optional<Instant> nextAttempt, List<TargetDeliveries.Rejection> rejectedRecently) {

    public TargetStatus {
        rejectedRecently = List.copyOf(rejectedRecently);
    }

    public boolean reachable() {
        return unreachableSince.isEmpty();
    }
}
