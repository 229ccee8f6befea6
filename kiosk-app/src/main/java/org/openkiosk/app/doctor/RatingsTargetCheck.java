package org.openkiosk.app.doctor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.config.RatingsTargetSettings;
import org.openkiosk.app.service.rating.HttpRatingsTarget;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.journal.JournalReading;
import org.openkiosk.app.store.journal.RecordKind;
import org.openkiosk.app.store.journal.TargetDeliveries;

/**
 * {@code kiosk doctor}'s look at the evaluation platform (ADR 0162, 0177): the probe {@code GET v1/health} with the
 * kiosk's token (reachable, TLS, token answered), and from the journal how many ratings wait and how many were set
 * aside as refused. Informational: ratings wait in the journal while the platform is away.
 */
public final class RatingsTargetCheck {

    static final String LABEL = "ratings target";

    private RatingsTargetCheck() {}

    public static CheckResult check(KioskConfig config, RatingsTargetSettings settings, Path dataDir,
                             UnaryOperator<String> environment) {
        HttpRatingsTarget.Probe probe = HttpRatingsTarget.of(settings, config.kiosk().hallId(), environment).probe();
        String counts = counts(dataDir);
        return new CheckResult(LABEL, false, probe.ok(), probe.detail() + "; " + counts, java.util.List.of());
    }

    static String counts(Path dataDir) {
        try {
            Optional<JournalReading> journal = JournalReading.forReading(dataDir);
            if (journal.isEmpty()) {
                return "no journal yet in " + dataDir + " (no rating taken)";
            }
            try (JournalReading reading = journal.get()) {
                TargetDeliveries deliveries = new TargetDeliveries(reading.store());
                long waiting = deliveries.waitingCount(HttpRatingsTarget.NAME, Set.of(RecordKind.RATING));
                long rejected = deliveries.rejectedCount(HttpRatingsTarget.NAME);
                return waiting + " rating" + (waiting == 1 ? "" : "s") + " waiting, " + rejected + " set aside as"
                        + " rejected" + (rejected == 0 ? "" : " (kiosk ratings rejected; resend after the cause is"
                        + " fixed: kiosk ratings resend)");
            }
        } catch (StoreException e) {
            return "the journal cannot be read: " + e.getMessage();
        }
    }
}
