package org.openkiosk.app.store.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * What the operator is told about forwarding: "store unreachable since 02:00, 37 records waiting".
 *
 * @param unreachableSince when the first forward in the current outage failed; empty while the hall store answers
 * @param waiting          records in the journal not yet confirmed by the hall store
 * @param problem          the last failure that was not an outage (e.g. a record the hall store rejects)
 * @param reforwarded      when the kiosk last found that the hall store lacked records it had confirmed (restored
 *                         from a backup) and sent them again (ADR 0198)
 * @param numbersTwice     ticket numbers of this kiosk's records that the hall store found held by another record
 *                         already (declined; both citizens hold the number), newest last
 */
public record ShipperStatus(Optional<Instant> unreachableSince, long waiting, Optional<String> problem,
                            Optional<Journal.Reforwarded> reforwarded, java.util.List<String> numbersTwice) {

    public ShipperStatus(Optional<Instant> unreachableSince, long waiting, Optional<String> problem) {
        this(unreachableSince, waiting, problem, Optional.empty(), java.util.List.of());
    }

    /**
     * For technicians (alarm {@code HALL_STORE_RESTORED}, ADR 0198): "the hall store lacked 12 records of this kiosk
     * at 2026-12-03 03:10 (restored from a backup?) and took them again; ticket numbers issued twice: A014"; empty
     * when neither happened since the kiosk started.
     */
    public Optional<String> describeRestore(java.time.ZoneId zone) {
        if (reforwarded.isEmpty() && numbersTwice.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        reforwarded.ifPresent(r -> text.append("the hall store lacked ").append(r.records())
                .append(r.records() == 1 ? " record" : " records").append(" of this kiosk at ")
                .append(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(r.at().atZone(zone)))
                .append(" (restored from a backup?) and took them again"));
        if (!numbersTwice.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append("ticket numbers issued twice: ")
                    .append(String.join(", ", numbersTwice));
        }
        return Optional.of(text.toString());
    }

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
