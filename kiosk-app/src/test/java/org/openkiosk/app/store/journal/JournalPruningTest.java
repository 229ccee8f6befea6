package org.openkiosk.app.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;

/**
 * Pruning the journal (ADR 0164): only records the hall store confirmed and every target settled, older than the
 * retention; anything still waiting for anyone stays however old, and the journal's audit chain is untouched. The
 * hall's declines the journal noted go with their record, once audited (ADR 0202).
 */
class JournalPruningTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final Instant OLD = NOW.minus(JournalPruning.RETENTION).minus(Duration.ofDays(1));
    private static final Instant YOUNG = NOW.minus(JournalPruning.RETENTION).plus(Duration.ofDays(1));
    private static final Map<String, Set<RecordKind>> RATINGS_TARGET = Map.of("ratings", Set.of(RecordKind.RATING));

    @TempDir
    Path tmp;

    private Store local;
    private TargetDeliveries deliveries;
    private org.openkiosk.app.service.audit.AuditLog audit;

    @BeforeEach
    void journal() {
        local = Stores.open(new StoreConfig(Stores.EMBEDDED, tmp.resolve("kiosk-journal").toString(), null, null),
                tmp);
        deliveries = new TargetDeliveries(local);
        audit = new org.openkiosk.app.service.audit.AuditLog(local, Clock.systemUTC(), "K-07");
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void onlyRecordsEveryReceiverHasArePrunedAfterTheRetention() {
        JournalRecord oldDone = record(OLD, RecordKind.RATING, true, "DELIVERED");
        JournalRecord oldRejected = record(OLD, RecordKind.RATING, true, "REJECTED");
        JournalRecord oldTicket = record(OLD, RecordKind.WALK_IN_TICKET, true, null); // no target takes tickets
        JournalRecord oldNotAtThePlatform = record(OLD, RecordKind.RATING, true, null);
        JournalRecord oldNotInTheHall = record(OLD, RecordKind.RATING, false, "DELIVERED");
        JournalRecord youngDone = record(YOUNG, RecordKind.RATING, true, "DELIVERED");
        int auditBefore = auditRows();
        assertThat(auditBefore).isEqualTo(6);

        int removed = JournalPruning.prune(local, NOW.minus(JournalPruning.RETENTION), RATINGS_TARGET);

        assertThat(removed).isEqualTo(3);
        assertThat(keys()).containsExactlyInAnyOrder(oldNotAtThePlatform.key(), oldNotInTheHall.key(),
                youngDone.key());
        assertThat(keys()).doesNotContain(oldDone.key(), oldRejected.key(), oldTicket.key());
        assertThat(deliveries.outcome("ratings", oldDone.key())).isEmpty(); // its delivery row went with it
        assertThat(deliveries.outcome("ratings", youngDone.key())).contains(TargetDeliveries.Outcome.DELIVERED);
        assertThat(auditRows()).isEqualTo(auditBefore);

        // without a ratings target configured, the rating only the platform lacked may go too
        assertThat(JournalPruning.prune(local, NOW.minus(JournalPruning.RETENTION), Map.of())).isEqualTo(1);
        assertThat(keys()).containsExactlyInAnyOrder(oldNotInTheHall.key(), youngDone.key());
        assertThat(audit.verify().intact()).isTrue(); // the journal's chain is whole after pruning
    }

    @Test
    void handledDeclinesArePrunedWithTheirRecordAndUnauditedOnesStay() {
        JournalRecord oldAudited = declined(OLD, true);
        JournalRecord oldNotAudited = declined(OLD, false);
        JournalRecord youngAudited = declined(YOUNG, true);
        Journal journal = new Journal(local, Clock.systemUTC(), "K-07");
        assertThat(journal.declinedSince(Instant.EPOCH)).hasSize(3);

        int removed = JournalPruning.prune(local, NOW.minus(JournalPruning.RETENTION), RATINGS_TARGET);

        assertThat(removed).isEqualTo(1);
        assertThat(keys()).containsExactlyInAnyOrder(oldNotAudited.key(), youngAudited.key());
        assertThat(declinedRows()).containsExactlyInAnyOrder(oldNotAudited.key(), youngAudited.key());
        assertThat(journal.declinedNotAudited()).singleElement()
                .satisfies(d -> assertThat(d.record().key()).isEqualTo(oldNotAudited.key()));

        local.inTransaction(c -> journal.markDeclineAudited(c, oldNotAudited.key(), NOW)); // audited at last
        assertThat(JournalPruning.prune(local, NOW.minus(JournalPruning.RETENTION), RATINGS_TARGET)).isEqualTo(1);
        assertThat(declinedRows()).containsExactly(youngAudited.key());
        assertThat(oldAudited.key()).isNotIn(declinedRows());
    }

    /** A walk-in the hall store declined, forwarded at {@code at}; its decline audited or not. */
    private JournalRecord declined(Instant at, boolean audited) {
        Journal journal = new Journal(local, Clock.fixed(at, ZoneOffset.UTC), "K-07");
        JournalRecord r = local.inTransaction(c -> journal.append(c, RecordKind.WALK_IN_TICKET,
                Map.of("ticket", "A017", "date", "2026-06-01")));
        journal.markForwarded(List.of(r), at.plusSeconds(1), Map.of(r.key(), "ticket A017 issued twice (record x)"));
        if (audited) {
            local.inTransaction(c -> journal.markDeclineAudited(c, r.key(), at.plusSeconds(2)));
        }
        return r;
    }

    private List<String> declinedRows() {
        return local.inTransaction(c -> {
            List<String> keys = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT record_key FROM journal_declined")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }

    private JournalRecord record(Instant at, RecordKind kind, boolean forwarded, String outcome) {
        Journal journal = new Journal(local, Clock.fixed(at, ZoneOffset.UTC), "K-07");
        JournalRecord r = local.inTransaction(c -> {
            JournalRecord appended = journal.append(c, kind, Map.of("service", "exit-entry", "level", "4"));
            audit.append(c, new org.openkiosk.app.service.audit.AuditEntry(
                    org.openkiosk.app.service.audit.AuditAction.RATED, "service:exit-entry", Map.of("level", "4")));
            return appended;
        });
        if (forwarded) {
            journal.markForwarded(List.of(r), at.plusSeconds(1));
        }
        if (outcome != null) {
            deliveries.settle("ratings", r, TargetDeliveries.Outcome.valueOf(outcome), at.plusSeconds(2), null);
        }
        return r;
    }

    private List<String> keys() {
        return new Journal(local, Clock.systemUTC(), "K-07").all().stream().map(JournalRecord::key).toList();
    }

    private int auditRows() {
        return local.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
