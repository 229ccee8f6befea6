package org.openkiosk.app.service.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.service.audit.AuditVerification.Kind;

/**
 * Cross-checks the {@code certificate_print} rows — which decide reprint limits — against the verified trail
 * (ADR 0066): every row has its {@code CERTIFICATE_NUMBERED} record and, once completed, the record of its outcome;
 * type, outcome, holder (as a keyed reference) and document digest agree; and no record's row has gone. So editing,
 * deleting or inserting print rows is a break of the trail. Rows dated before the trail was keyed may lack the
 * numbering record (they were written before it existed).
 */
final class PrintRecordCheck {

    static final String SUBJECT_PREFIX = "certificate:";

    private record PrintRow(String number, String type, String holderKey, Instant printedAt, String outcome,
                            String digest) {}

    private record PrintRecord(long seq, String action, Map<String, String> details) {}

    private final AuditKey key;

    PrintRecordCheck(AuditKey key) {
        this.key = key;
    }

    /** The keyed reference of a print row's holder key: links records to rows without revealing anyone. */
    static String holderReference(AuditKey key, String holderKey) {
        return key.hmacHex("openkiosk/print-holder-ref:" + holderKey.strip()).substring(0, 32);
    }

    /**
     * @param verifiedUpTo the last record the chain walk verified; later records (appended meanwhile) are not
     *                     required to have their rows yet
     * @param keyedSince   when the first keyed record was written (rows before may lack a numbering record)
     */
    Optional<AuditVerification.BrokenLink> check(Connection c, long verifiedUpTo, Optional<Instant> keyedSince)
            throws SQLException {
        return check(c, verifiedUpTo, keyedSince, List.of(), Optional.empty());
    }

    /**
     * @param archived       records read from archive files (ADR 0176), checked like the database's
     * @param uncheckedUntil the newest record archived without its file given: rows reserved until then may have
     *                       their records in that archive, so they are checked like rows from before the key
     */
    Optional<AuditVerification.BrokenLink> check(Connection c, long verifiedUpTo, Optional<Instant> keyedSince,
                                                 List<AuditRecord> archived, Optional<Instant> uncheckedUntil)
            throws SQLException {
        // rows first: a row's records commit with it, so they are visible to the query that follows
        List<PrintRow> rows = rows(c);
        Map<String, List<PrintRecord>> records = new HashMap<>();
        for (AuditRecord r : archived) {
            add(records, r.seq(), r.action(), r.subject(), r.details());
        }
        records(c).forEach((number, own) -> records.computeIfAbsent(number, k -> new ArrayList<>()).addAll(own));
        for (PrintRow row : rows) {
            List<PrintRecord> own = records.getOrDefault(row.number(), List.of());
            boolean beforeUncheckedCut = uncheckedUntil.map(until -> !row.printedAt().isAfter(until)).orElse(false);
            Optional<AuditVerification.BrokenLink> problem = checkRow(row, own,
                    beforeUncheckedCut ? Optional.empty() : keyedSince);
            if (problem.isPresent()) {
                return problem;
            }
        }
        Map<String, PrintRow> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        for (Map.Entry<String, List<PrintRecord>> e : records.entrySet()) {
            for (PrintRecord record : e.getValue()) {
                if (record.seq() <= verifiedUpTo && !byNumber.containsKey(e.getKey())) {
                    return broken(record.seq(), "the print row of certificate " + e.getKey() + " that this record"
                            + " names was deleted (a reprint count was lowered)");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<AuditVerification.BrokenLink> checkRow(PrintRow row, List<PrintRecord> own,
                                                            Optional<Instant> keyedSince) {
        Optional<PrintRecord> numbered = own.stream().filter(r -> r.action().equals(
                AuditAction.CERTIFICATE_NUMBERED.name())).findFirst();
        Optional<PrintRecord> completed = own.stream().filter(r -> r.action().equals(
                AuditAction.CERTIFICATE_PRINTED.name()) || r.action().equals(
                AuditAction.CERTIFICATE_PRINT_FAILED.name())).findFirst();
        boolean legacy = keyedSince.map(since -> row.printedAt().isBefore(since)).orElse(true);
        if (numbered.isEmpty() && !legacy) {
            return broken(0, "the print row of certificate " + row.number() + " has no CERTIFICATE_NUMBERED record"
                    + " (the row was inserted outside the kiosk)");
        }
        for (PrintRecord r : own) {
            String type = r.details().get("type");
            if (type != null && !type.equals(row.type())) {
                return broken(r.seq(), "certificate " + row.number() + " is of type " + type + " in the trail but "
                        + row.type() + " in its print row (the row was edited)");
            }
            String holder = r.details().get("holderRef");
            if (holder != null && !holder.equals(holderReference(key, row.holderKey()))) {
                return broken(r.seq(), "certificate " + row.number() + " belongs to another holder in its print row"
                        + " than in the trail (the row was edited, moving the print to another person)");
            }
        }
        if (completed.isEmpty()) {
            if (!row.outcome().equals("PENDING") && !legacy) {
                return broken(numbered.map(PrintRecord::seq).orElse(0L), "certificate " + row.number() + " is "
                        + row.outcome() + " in its print row but the trail has no outcome for it (the row was edited)");
            }
            return Optional.empty();
        }
        PrintRecord outcome = completed.get();
        String recorded = outcome.action().equals(AuditAction.CERTIFICATE_PRINTED.name()) ? "PRINTED" : "FAILED";
        if (!recorded.equals(row.outcome())) {
            return broken(outcome.seq(), "certificate " + row.number() + " is " + recorded + " in the trail but "
                    + row.outcome() + " in its print row (the row was edited, changing its reprint count)");
        }
        String digest = outcome.details().get("document");
        if (digest != null && !digest.equals(Objects.toString(row.digest(), "").strip())) {
            return broken(outcome.seq(), "certificate " + row.number() + " has another document digest in its print"
                    + " row than in the trail (the row was edited)");
        }
        return Optional.empty();
    }

    private static List<PrintRow> rows(Connection c) throws SQLException {
        List<PrintRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT certificate_number, certificate_type, holder_key,"
                + " printed_at, outcome, document_sha256 FROM certificate_print ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new PrintRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6)));
            }
        }
        return rows;
    }

    private static Map<String, List<PrintRecord>> records(Connection c) throws SQLException {
        Map<String, List<PrintRecord>> records = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, action, subject, details FROM audit_log"
                + " WHERE action IN (?, ?, ?) ORDER BY seq")) {
            ps.setString(1, AuditAction.CERTIFICATE_NUMBERED.name());
            ps.setString(2, AuditAction.CERTIFICATE_PRINTED.name());
            ps.setString(3, AuditAction.CERTIFICATE_PRINT_FAILED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(records, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
        }
        return records;
    }

    private static void add(Map<String, List<PrintRecord>> records, long seq, String action, String subject,
                            String details) {
        boolean print = action.equals(AuditAction.CERTIFICATE_NUMBERED.name())
                || action.equals(AuditAction.CERTIFICATE_PRINTED.name())
                || action.equals(AuditAction.CERTIFICATE_PRINT_FAILED.name());
        if (print && subject.startsWith(SUBJECT_PREFIX)) {
            records.computeIfAbsent(subject.substring(SUBJECT_PREFIX.length()), k -> new ArrayList<>())
                    .add(new PrintRecord(seq, action, AuditEntry.parseDetails(details)));
        }
    }

    private static Optional<AuditVerification.BrokenLink> broken(long seq, String reason) {
        return Optional.of(new AuditVerification.BrokenLink(seq, reason, Kind.PRINT_MISMATCH));
    }
}
