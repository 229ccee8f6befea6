package org.openkiosk.app.service.rating;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.RecordKind;

/**
 * Ratings after a completed service. Stored without personal data: service, kiosk, time, level and, for the
 * bottom two levels, an optional reason.
 */
public final class RatingService {

    public static final int MAX_REASON_LENGTH = 200;

    private final Store store;
    private final AuditLog audit;
    private final Clock clock;
    private final String kioskId;
    private volatile Journal journal;
    private volatile AuditLog journalAudit;

    public RatingService(Store store, AuditLog audit, Clock clock, String kioskId) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.kioskId = kioskId;
    }

    /** @throws IllegalArgumentException a reason for a top-three level, or a reason that is too long */
    public void rate(String serviceCode, SatisfactionLevel level, Optional<String> reason) {
        Optional<String> text = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (text.isPresent() && !level.takesReason()) {
            throw new IllegalArgumentException("a reason is only taken for 不满意 and 非常不满意");
        }
        if (text.isPresent() && text.get().codePointCount(0, text.get().length()) > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        Instant now = clock.instant();
        if (journal != null) {
            rateIntoJournal(serviceCode, level, text);
            return;
        }
        store.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rating (service_code, kiosk_id, rated_at,"
                    + " level, reason) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, serviceCode);
                insert.setString(2, kioskId);
                insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setInt(4, level.score());
                insert.setString(5, text.orElse(null));
                insert.executeUpdate();
            }
            audit.append(c, new AuditEntry(AuditAction.RATED, "service:" + serviceCode,
                    Map.of("level", Integer.toString(level.score()))));
            return null;
        });
    }

    /**
     * Hall mode (ADR 0160): ratings are written to the kiosk's journal, durably, with the audit entry in the
     * journal's own chain, and reach the hall store through the shipper. Rating works while the hall store is away.
     */
    public void writeInto(Journal journal, AuditLog journalAudit) {
        this.journalAudit = journalAudit;
        this.journal = journal;
    }

    private void rateIntoJournal(String serviceCode, SatisfactionLevel level, Optional<String> reason) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("service", serviceCode,
                "level", Integer.toString(level.score())));
        reason.ifPresent(r -> fields.put("reason", r));
        journal.store().inTransaction(c -> {
            journal.append(c, RecordKind.RATING, fields);
            journalAudit.append(c, new AuditEntry(AuditAction.RATED, "service:" + serviceCode,
                    Map.of("level", Integer.toString(level.score()))));
            return null;
        });
    }

    /** How many ratings of each level a service has had (in the hall store: forwarded ratings only). */
    public Map<SatisfactionLevel, Long> summary(String serviceCode) {
        return store.inTransaction(c -> {
            Map<SatisfactionLevel, Long> counts = new EnumMap<>(SatisfactionLevel.class);
            for (SatisfactionLevel level : SatisfactionLevel.values()) {
                counts.put(level, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT level, COUNT(*) FROM rating WHERE service_code = ? GROUP BY level")) {
                ps.setString(1, serviceCode);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(SatisfactionLevel.ofScore(rs.getInt(1)), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }
}
