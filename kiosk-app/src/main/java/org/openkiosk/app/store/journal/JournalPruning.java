package org.openkiosk.app.store.journal;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openkiosk.app.store.Store;

/**
 * Removes journal records that every receiver has and that are older than {@link #RETENTION} (ADR 0164): the hall
 * store confirmed them ({@code forwarded_at}) and every target of their kind settled them ({@code journal_delivery}).
 * A record still waiting for anyone is never removed, however old; nor one the hall store declined whose audit entry
 * is not written yet. Their {@code journal_delivery} and {@code journal_declined} rows go with them (ADR 0202): one
 * retention for the journal and what it noted of each record. The journal's audit chain ({@code audit_log}) is
 * not touched: it is verified from its first record and kept like the store's (ADR 0067).
 */
public final class JournalPruning {

    /**
     * How long forwarded records stay: six months and a week, the audit retention of ADR 0067, which is also how far
     * back {@code ./kiosk store reforward --since} can send records again after a restore.
     */
    public static final Duration RETENTION = Duration.ofDays(190);

    private JournalPruning() {}

    /**
     * @param targets the configured targets' names and record kinds (what {@link Shipper#targetKinds()} says)
     * @return how many records were removed
     */
    public static int prune(Store journal, Instant olderThan, Map<String, Set<RecordKind>> targets) {
        StringBuilder sql = new StringBuilder("DELETE FROM journal_record r WHERE r.forwarded_at IS NOT NULL"
                + " AND r.created_at < ? AND NOT EXISTS (SELECT 1 FROM journal_declined d"
                + " WHERE d.record_key = r.record_key AND d.audited_at IS NULL)");
        for (Map.Entry<String, Set<RecordKind>> target : targets.entrySet()) {
            sql.append(" AND NOT (r.kind IN (").append(target.getValue().stream().map(k -> "?")
                    .collect(Collectors.joining(", "))).append(") AND NOT EXISTS (SELECT 1 FROM journal_delivery d"
                    + " WHERE d.target = ? AND d.record_key = r.record_key))");
        }
        return journal.inTransaction(c -> {
            int removed;
            try (PreparedStatement delete = c.prepareStatement(sql.toString())) {
                int i = 1;
                delete.setObject(i++, Journal.utc(olderThan));
                for (Map.Entry<String, Set<RecordKind>> target : targets.entrySet()) {
                    for (RecordKind kind : target.getValue()) {
                        delete.setString(i++, kind.name());
                    }
                    delete.setString(i++, target.getKey());
                }
                removed = delete.executeUpdate();
            }
            for (String noted : List.of("journal_delivery", "journal_declined")) {
                try (PreparedStatement orphans = c.prepareStatement("DELETE FROM " + noted + " d WHERE NOT EXISTS"
                        + " (SELECT 1 FROM journal_record r WHERE r.record_key = d.record_key)")) {
                    orphans.executeUpdate();
                }
            }
            return removed;
        });
    }
}
