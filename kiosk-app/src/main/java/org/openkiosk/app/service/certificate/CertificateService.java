package org.openkiosk.app.service.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.catalogue.CertificateRule;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.identity.AccessPolicy;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.CertificateRefusedException;
import org.openkiosk.app.service.identity.ProtectedService;
import org.openkiosk.app.service.platform.Entitlement;
import org.openkiosk.app.service.platform.IssuedCertificate;
import org.openkiosk.app.service.platform.PlatformException;
import org.openkiosk.app.service.platform.PlatformReplyException;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.CertificateRequest;
import org.openkiosk.app.service.port.PrintLookup;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.RenderedCertificate;
import org.openkiosk.app.store.NumberSequences;
import org.openkiosk.app.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificates: what a person may print here, and issuing one — reserve the attempt, ask the issuing authority
 * for the certificate's content (the platform's issue call), render it, print it on A4 and
 * record the attempt (type, number, time, kiosk, outcome) with its audit record. An attempt is reserved as
 * PENDING before rendering and completed as PRINTED or FAILED with the printer's answer; PRINTED and PENDING
 * count against the reprint limit, FAILED does not — a failure is recorded as failed, never as printed.
 */
public final class CertificateService {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateService.class);

    private final Store store;
    private final ServicePlatform platform;
    private final ServiceCatalogue catalogue;
    private final CertificateDocumentPort renderer;
    private final A4PrintPort printer;
    private final AuditLog audit;
    private final Clock clock;
    private final String kioskId;
    private final AccessPolicy access;
    private final HolderKey holderKeys;
    /** Attempts this kiosk is working on now (reserved, not yet decided): never reconciled. Also the reserve lock. */
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Where the kiosk notes its print jobs (ADR 0165): its journal in a hall, else the store itself. */
    private volatile Store notes;

    public CertificateService(Store store, ServicePlatform platform, ServiceCatalogue catalogue,
                              CertificateDocumentPort renderer, A4PrintPort printer, AuditLog audit, Clock clock,
                              String kioskId) {
        this(store, platform, catalogue, renderer, printer, audit, clock, kioskId, HolderKey.demo());
    }

    public CertificateService(Store store, ServicePlatform platform, ServiceCatalogue catalogue,
                              CertificateDocumentPort renderer, A4PrintPort printer, AuditLog audit, Clock clock,
                              String kioskId, HolderKey holderKeys) {
        this.holderKeys = holderKeys;
        this.store = store;
        this.platform = platform;
        this.catalogue = catalogue;
        this.renderer = renderer;
        this.printer = printer;
        this.audit = audit;
        this.clock = clock;
        this.kioskId = kioskId;
        this.access = new AccessPolicy(catalogue);
        this.notes = store;
    }

    /** Hall mode: print jobs are noted in the kiosk's own journal file, which works while the hall store is away. */
    public void noteInto(Store journalStore) {
        this.notes = Objects.requireNonNull(journalStore);
    }

    /** The person's certificates that this kiosk network prints, with prints remaining. */
    public List<PrintableCertificate> printable(Identity who) {
        access.require(ProtectedService.MY_CERTIFICATES, Optional.of(who), Optional.empty());
        List<PrintableCertificate> result = new ArrayList<>();
        String holder = holderKeys.of(who.idNumber());
        String legacy = HolderKey.legacy(who.idNumber());
        for (Entitlement entitlement : platform.entitlements(who.idNumber())) {
            Optional<CertificateRule> rule = catalogue.certificate(entitlement.certificateType());
            if (rule.isPresent()) {
                int printed = countChecked(() -> store.inTransaction(
                        c -> attemptsCounting(c, holder, legacy, entitlement.certificateType())));
                result.add(new PrintableCertificate(entitlement, printed,
                        Math.max(0, rule.get().printLimit() - printed)));
            }
        }
        return result;
    }

    /**
     * Issues one certificate.
     *
     * @throws CertificateException NOT_ENTITLED, NOT_PRINTABLE_HERE or REPRINT_LIMIT_REACHED (nothing recorded)
     * @throws org.openkiosk.app.service.identity.AssuranceException when the citizen proved too little
     */
    public IssueResult issue(Identity who, String certificateType) {
        access.requireCertificate(certificateType, who);
        CertificateRule rule = catalogue.certificate(certificateType).orElseThrow(() -> new CertificateException(
                CertificateException.Reason.NOT_PRINTABLE_HERE, certificateType + " is not printed at this kiosk"));
        Entitlement entitlement = platform.entitlements(who.idNumber()).stream()
                .filter(e -> e.certificateType().equals(certificateType)).findFirst()
                .orElseThrow(() -> new CertificateException(CertificateException.Reason.NOT_ENTITLED,
                        "the platform lists no " + certificateType + " for " + who.idNumber()));
        String holder = holderKeys.of(who.idNumber());
        String legacy = HolderKey.legacy(who.idNumber());
        Instant now = clock.instant();
        int year = now.atZone(catalogue.zone()).getYear();
        // Reserve: under a per-person-and-type lock row, check the limit (pending attempts count) and record
        // a PENDING attempt with its number, so two taps or two kiosks cannot both pass the check.
        int[] usedBefore = new int[1];
        String number;
        synchronized (inFlight) { // a reconciliation never takes this attempt for one a crash left behind
            number = countChecked(() -> store.inTransaction(c -> {
                NumberSequences.next(c, "print-lock:" + holder.substring(0, 32) + ":" + certificateType);
                int used = attemptsCounting(c, holder, legacy, certificateType);
                if (used >= rule.printLimit()) {
                    throw new CertificateException(CertificateException.Reason.REPRINT_LIMIT_REACHED,
                            certificateType + " was printed " + used + " times; the limit is " + rule.printLimit());
                }
                usedBefore[0] = used;
                long seq = NumberSequences.next(c, "certificate:" + rule.numberPrefix() + ":" + year);
                String allocated = String.format("%s%d%08d", rule.numberPrefix(), year, seq);
                reserve(c, certificateType, allocated, holder, now);
                audit.append(c, new AuditEntry(AuditAction.CERTIFICATE_NUMBERED, "certificate:" + allocated, Map.of(
                        "type", certificateType, "holder", who.idNumber().masked(),
                        "holderRef", audit.holderReference(holder))));
                return allocated;
            }));
            inFlight.add(number);
        }
        try {
            IssuedCertificate issued = issuedOrFail(who, certificateType, number);
            String jobTitle = entitlement.titleZh() + " " + issued.number();
            Optional<String> digest = Optional.empty();
            RenderedCertificate rendered = null;
            PrintOutcome outcome = null;
            try {
                rendered = renderer.render(new CertificateRequest(certificateType,
                        entitlement.titleZh(), entitlement.titleEn(), entitlement.issuerZh(), issued, kioskId));
                digest = Optional.of(rendered.sha256() != null ? rendered.sha256() : sha256(rendered.pdf()));
            } catch (RuntimeException e) {
                LOG.warn("certificate {} for {} failed before printing", issued.number(), who.idNumber(), e);
                outcome = PrintOutcome.failed("could not render or send the document: " + e.getMessage());
            }
            // durable before it is sent: a crash from here on leaves a note the reconciliation finds (ADR 0165),
            // with the document's digest that a PRINTED row keeps
            note(new PrintNote(number, certificateType, holder, who.idNumber().masked(), issued.number(), jobTitle,
                    clock.instant(), Optional.empty(), null, digest, false));
            if (outcome == null) {
                try {
                    outcome = printer.print(jobTitle, rendered.pdf());
                } catch (RuntimeException e) {
                    LOG.warn("certificate {} for {} failed before printing", issued.number(), who.idNumber(), e);
                    outcome = PrintOutcome.failed("could not render or send the document: " + e.getMessage());
                }
            }
            // durable before it is said: the printer's answer is on the kiosk's disk before the citizen hears it,
            // then the store's print row takes it (now, or at the reconciliation after an outage)
            decide(number, outcome.printed() ? "PRINTED" : "FAILED",
                    outcome.printed() ? null : truncate(outcome.failureReason(), 300), digest);
            applyDecided(number);
            LOG.info("certificate {} ({}) for {}: {}", issued.number(), certificateType, who.idNumber(),
                    outcome.printed() ? "printed" : "failed: " + outcome.failureReason());
            int remaining = rule.printLimit() - usedBefore[0] - (outcome.printed() ? 1 : 0);
            return new IssueResult(issued.number(), outcome, Math.max(0, remaining));
        } finally {
            inFlight.remove(number);
        }
    }

    /**
     * Asks the issuing authority for the certificate of the reserved attempt. When it refuses, is unreachable or
     * answers badly, the attempt is completed FAILED (it does not count against the limit) and the failure is
     * thrown: refusal → NOT_ENTITLED, bad reply → NOT_ISSUED, unreachable → the platform's exception.
     */
    private IssuedCertificate issuedOrFail(Identity who, String certificateType, String attempt) {
        try {
            return platform.issueCertificate(who.idNumber(), certificateType, attempt, kioskId, false);
        } catch (CertificateRefusedException e) {
            failAttempt(who, certificateType, attempt, "refused by the issuing authority: " + e.code());
            throw new CertificateException(CertificateException.Reason.NOT_ENTITLED, e.getMessage(), e);
        } catch (PlatformReplyException e) {
            failAttempt(who, certificateType, attempt, "the issuing authority's reply was unusable");
            throw new CertificateException(CertificateException.Reason.NOT_ISSUED, e.getMessage(), e);
        } catch (PlatformException e) {
            failAttempt(who, certificateType, attempt, "the issuing authority could not be reached");
            throw e;
        } catch (RuntimeException e) {
            // whatever else went wrong, the attempt must not stay PENDING (it would count against the limit)
            failAttempt(who, certificateType, attempt, "the issue call failed: " + e.getClass().getSimpleName());
            throw new CertificateException(CertificateException.Reason.NOT_ISSUED, e.getMessage(), e);
        }
    }

    private void failAttempt(Identity who, String certificateType, String attempt, String reason) {
        PrintOutcome failed = PrintOutcome.failed(reason);
        store.inTransaction(c -> {
            if (!complete(c, attempt, failed, Optional.empty())) {
                throw new SQLException("print attempt " + attempt + " is no longer pending");
            }
            audit.append(c, new AuditEntry(AuditAction.CERTIFICATE_PRINT_FAILED, "certificate:" + attempt, Map.of(
                    "type", certificateType, "holder", who.idNumber().masked(),
                    "holderRef", audit.holderReference(holderKeys.of(who.idNumber())),
                    "outcome", "FAILED: " + truncate(reason, 300))));
            return null;
        });
        LOG.warn("certificate attempt {} ({}) for {} not issued: {}", attempt, certificateType, who.idNumber(), reason);
    }

    /**
     * The certificate as it will look, for the preview on screen: rendered with a sample number of the right
     * form; nothing is numbered, recorded or printed.
     *
     * @throws CertificateException NOT_ENTITLED or NOT_PRINTABLE_HERE
     */
    public byte[] preview(Identity who, String certificateType) {
        access.requireCertificate(certificateType, who);
        CertificateRule rule = catalogue.certificate(certificateType).orElseThrow(() -> new CertificateException(
                CertificateException.Reason.NOT_PRINTABLE_HERE, certificateType + " is not printed at this kiosk"));
        Entitlement entitlement = platform.entitlements(who.idNumber()).stream()
                .filter(e -> e.certificateType().equals(certificateType)).findFirst()
                .orElseThrow(() -> new CertificateException(CertificateException.Reason.NOT_ENTITLED,
                        "the platform lists no " + certificateType + " for " + who.idNumber()));
        Instant now = clock.instant();
        String sample = String.format("%s%d%08d", rule.numberPrefix(), now.atZone(catalogue.zone()).getYear(), 0);
        IssuedCertificate content;
        try {
            content = platform.issueCertificate(who.idNumber(), certificateType, sample, kioskId, true);
        } catch (CertificateRefusedException e) {
            throw new CertificateException(CertificateException.Reason.NOT_ENTITLED, e.getMessage(), e);
        } catch (PlatformReplyException e) {
            throw new CertificateException(CertificateException.Reason.NOT_ISSUED, e.getMessage(), e);
        }
        return renderer.render(new CertificateRequest(certificateType, entitlement.titleZh(), entitlement.titleEn(),
                entitlement.issuerZh(), content.withNumber(sample), kioskId)).pdf();
    }

    /**
     * Settles print attempts that a crash or an outage left open (ADR 0165), at start-up, after the store answers
     * again and hourly: a noted job without the printer's answer is looked up in the printer's job history (completed:
     * PRINTED and counted; cancelled, aborted, or still queued and cancelled now: FAILED; not known: UNKNOWN, left
     * counted and reported); an answer the store has not taken is applied; a PENDING row of this kiosk that was never
     * noted never reached the printer and is FAILED. Blocks (printer, store): never on the UI thread.
     */
    public PrintReconciliation reconcile() {
        int printed = 0;
        int failed = 0;
        List<String> unknown = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (PrintNote open : notes(" WHERE outcome IS NULL")) {
            if (inFlight.contains(open.number())) {
                continue;
            }
            PrintLookup lookup = printer.lookUp(open.jobName());
            if (lookup.retry()) {
                waiting.add(open.number() + ": " + lookup.cause());
                LOG.warn("print attempt {} ({}): outcome still open, asking the printer again later: {}",
                        open.number(), open.type(), lookup.cause());
                continue;
            }
            String cause = truncate("reconciled after a restart: " + lookup.cause(), 300);
            switch (lookup.verdict()) {
                case PRINTED -> {
                    decide(open.number(), "PRINTED", null, open.digest());
                    printed++;
                }
                case NOT_PRINTED -> {
                    decide(open.number(), "FAILED", cause, open.digest());
                    failed++;
                }
                case UNKNOWN -> {
                    decide(open.number(), "UNKNOWN", cause, open.digest());
                    unknown.add(open.number() + " (" + open.type() + "): " + lookup.cause());
                    LOG.error("print attempt {} ({}): whether the paper came out cannot be known: {}; it stays"
                            + " counted against the reprint limit, staff decide", open.number(), open.type(),
                            lookup.cause());
                }
            }
        }
        try {
            for (PrintNote decided : notes(" WHERE outcome IS NOT NULL AND applied_at IS NULL")) {
                if (!inFlight.contains(decided.number())) {
                    applyDecided(decided.number());
                }
            }
            failed += failNeverSent();
        } catch (org.openkiosk.app.store.StoreUnavailableException e) {
            waiting.add("the store cannot be reached: " + e.getMessage());
            LOG.warn("print outcomes wait for the store: {}", e.getMessage());
        }
        PrintReconciliation result = new PrintReconciliation(printed, failed, unknown, waiting);
        if (!result.nothingFound()) {
            LOG.info("print reconciliation: {} printed, {} failed, {} unknown, {} waiting", printed, failed,
                    unknown.size(), waiting.size());
        }
        lastReconciliation = result;
        return result;
    }

    private volatile PrintReconciliation lastReconciliation = new PrintReconciliation(0, 0, List.of(), List.of());

    /**
     * The reprint count lives in the hall store: when it cannot be reached, certificate printing is refused in plain
     * words (HALL_OFFLINE), before anything is numbered, printed or counted.
     */
    private static <T> T countChecked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (org.openkiosk.app.store.StoreUnavailableException e) {
            throw new CertificateException(CertificateException.Reason.HALL_OFFLINE,
                    "the reprint count cannot be checked: " + e.getMessage(), e);
        }
    }

    /** The latest reconciliation's findings (the operator's alarm). */
    public PrintReconciliation lastReconciliation() {
        return lastReconciliation;
    }

    /**
     * PENDING rows of this kiosk with no note: the kiosk stopped before it sent them to the printer. Only rows
     * reserved since the notes began (migration 3.165 in the notes' file): an older row, or one from before a
     * journal file was replaced, may have printed and stays PENDING, counted.
     */
    private int failNeverSent() {
        Optional<Instant> notesSince = notesSince();
        if (notesSince.isEmpty()) {
            return 0;
        }
        List<String[]> candidates;
        synchronized (inFlight) {
            candidates = store.inTransaction(c -> {
                List<String[]> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT certificate_number, certificate_type, holder_key"
                        + " FROM certificate_print WHERE kiosk_id = ? AND outcome = 'PENDING' AND reconciliation IS NULL"
                        + " AND printed_at >= ?")) {
                    ps.setString(1, kioskId);
                    ps.setObject(2, OffsetDateTime.ofInstant(notesSince.get(), ZoneOffset.UTC));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3).strip()});
                        }
                    }
                }
                return rows;
            });
            candidates.removeIf(row -> inFlight.contains(row[0]));
        }
        java.util.Set<String> noted = new java.util.HashSet<>();
        notes("").forEach(n -> noted.add(n.number()));
        int failed = 0;
        for (String[] row : candidates) {
            if (noted.contains(row[0])) {
                continue;
            }
            note(new PrintNote(row[0], row[1], row[2], "-", row[0], "-", clock.instant(), Optional.empty(), null,
                    Optional.empty(), false));
            decide(row[0], "FAILED", "reconciled after a restart: the kiosk stopped before it sent the job to the"
                    + " printer", Optional.empty());
            applyDecided(row[0]);
            failed++;
        }
        return failed;
    }

    /** When this kiosk began noting its print jobs: migration 3.165 applied to the notes' file (local time there). */
    private Optional<Instant> notesSince() {
        return notes.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT installed_on FROM flyway_schema_history WHERE version = '3.165' AND success");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Instant>empty();
                }
                java.sql.Timestamp at = rs.getTimestamp(1);
                return Optional.of(at.toInstant().minusSeconds(1));
            }
        });
    }

    private void note(PrintNote note) {
        notes.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO print_submission (certificate_number,"
                    + " certificate_type, holder_key, holder_masked, issued_number, job_name, submitted_at,"
                    + " document_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, note.number());
                insert.setString(2, note.type());
                insert.setString(3, note.holderKey());
                insert.setString(4, note.holderMasked());
                insert.setString(5, note.issuedNumber());
                insert.setString(6, truncate(note.jobName(), 300));
                insert.setObject(7, OffsetDateTime.ofInstant(note.submittedAt(), ZoneOffset.UTC));
                insert.setString(8, note.digest().orElse(null));
                insert.executeUpdate();
            }
            notes.requireDurableCommit(c);
            return null;
        });
    }

    /** Records the printer's answer (or UNKNOWN) on the kiosk's disk, forced down before this returns. */
    private void decide(String number, String outcome, String detail, Optional<String> digest) {
        notes.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE print_submission SET outcome = ?, detail = ?,"
                    + " document_sha256 = ?, decided_at = ? WHERE certificate_number = ? AND outcome IS NULL")) {
                update.setString(1, outcome);
                update.setString(2, detail == null ? null : truncate(detail, 300));
                update.setString(3, digest.orElse(null));
                update.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                update.setString(5, number);
                update.executeUpdate();
            }
            notes.requireDurableCommit(c);
            return null;
        });
    }

    /**
     * Applies a decided note to the store's print row, once: only a PENDING row changes (with its audit record in
     * the same transaction), so applying again after a lost reply changes nothing. UNKNOWN leaves the row PENDING
     * (counted) with the cause in {@code reconciliation}. A store that cannot be reached leaves the note for the
     * next reconciliation; the citizen has been told what the kiosk's disk holds.
     */
    private void applyDecided(String number) {
        PrintNote note = notes(" WHERE certificate_number = '" + number.replace("'", "''") + "'").get(0);
        String outcome = note.outcome().orElseThrow();
        try {
            store.inTransaction(c -> {
                if (outcome.equals("UNKNOWN")) {
                    try (PreparedStatement update = c.prepareStatement("UPDATE certificate_print SET reconciliation = ?"
                            + " WHERE certificate_number = ? AND outcome = 'PENDING'")) {
                        update.setString(1, truncate(note.detail(), 300));
                        update.setString(2, number);
                        update.executeUpdate();
                    }
                    return null;
                }
                PrintOutcome recorded = outcome.equals("PRINTED") ? PrintOutcome.success()
                        : PrintOutcome.failed(note.detail() == null ? "failed" : note.detail());
                if (!complete(c, number, recorded, note.digest())) {
                    return null; // taken before (a reply lost after the commit)
                }
                Map<String, String> details = new java.util.TreeMap<>(Map.of(
                        "type", note.type(), "holder", note.holderMasked(),
                        "holderRef", audit.holderReference(note.holderKey()), "issuedNumber", note.issuedNumber(),
                        "outcome", recorded.printed() ? "PRINTED" : "FAILED: " + truncate(recorded.failureReason(), 300)));
                // the digest the print row keeps, so that editing it is a break of the trail (ADR 0066)
                note.digest().ifPresent(d -> details.put("document", d));
                audit.append(c, new AuditEntry(recorded.printed() ? AuditAction.CERTIFICATE_PRINTED
                        : AuditAction.CERTIFICATE_PRINT_FAILED, "certificate:" + number, details));
                return null;
            });
        } catch (org.openkiosk.app.store.StoreException e) {
            if (inFlight.contains(number)) {
                LOG.warn("certificate attempt {}: {} is on the kiosk's disk; the store takes it when it answers: {}",
                        number, outcome, e.getMessage());
                return;
            }
            throw e;
        }
        notes.inTransaction(c -> {
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE print_submission SET applied_at = ? WHERE certificate_number = ?")) {
                mark.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                mark.setString(2, number);
                mark.executeUpdate();
            }
            return null;
        });
    }

    private List<PrintNote> notes(String where) {
        return notes.inTransaction(c -> {
            List<PrintNote> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT certificate_number, certificate_type, holder_key,"
                    + " holder_masked, issued_number, job_name, submitted_at, outcome, detail, document_sha256,"
                    + " applied_at FROM print_submission" + where + " ORDER BY submitted_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new PrintNote(rs.getString(1), rs.getString(2), rs.getString(3).strip(),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant(), Optional.ofNullable(rs.getString(8)),
                            rs.getString(9), Optional.ofNullable(rs.getString(10)).map(String::strip),
                            rs.getObject(11) != null));
                }
            }
            return found;
        });
    }

    private void reserve(Connection c, String type, String number, String holder, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO certificate_print (certificate_type,"
                + " certificate_number, holder_key, printed_at, kiosk_id, outcome) VALUES (?, ?, ?, ?, ?, 'PENDING')")) {
            insert.setString(1, type);
            insert.setString(2, number);
            insert.setString(3, holder);
            insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(5, kioskId);
            insert.executeUpdate();
        }
    }

    /** Completes a PENDING attempt; false when it is no longer pending. */
    private static boolean complete(Connection c, String number, PrintOutcome outcome, Optional<String> digest)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE certificate_print SET outcome = ?,"
                + " failure_reason = ?, document_sha256 = ? WHERE certificate_number = ? AND outcome = 'PENDING'")) {
            update.setString(1, outcome.printed() ? "PRINTED" : "FAILED");
            update.setString(2, outcome.printed() ? null : truncate(outcome.failureReason(), 300));
            update.setString(3, digest.orElse(null));
            update.setString(4, number);
            return update.executeUpdate() == 1;
        }
    }

    /** Successful and still-pending attempts: both may have produced paper. Records under the old key count too. */
    private static int attemptsCounting(Connection c, String holder, String legacy, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM certificate_print"
                + " WHERE holder_key IN (?, ?) AND certificate_type = ? AND outcome IN ('PRINTED', 'PENDING')")) {
            ps.setString(1, holder);
            ps.setString(2, legacy);
            ps.setString(3, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
