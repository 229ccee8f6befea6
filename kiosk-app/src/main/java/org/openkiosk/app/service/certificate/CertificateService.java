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
                int printed = store.inTransaction(c -> attemptsCounting(c, holder, legacy, entitlement.certificateType()));
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
        String number = store.inTransaction(c -> {
            NumberSequences.next(c, "print-lock:" + holder.substring(0, 32) + ":" + certificateType);
            int used = attemptsCounting(c, holder, legacy, certificateType);
            if (used >= rule.printLimit()) {
                throw new CertificateException(CertificateException.Reason.REPRINT_LIMIT_REACHED,
                        certificateType + " was printed " + used + " times; the limit is " + rule.printLimit());
            }
            long seq = NumberSequences.next(c, "certificate:" + rule.numberPrefix() + ":" + year);
            String allocated = String.format("%s%d%08d", rule.numberPrefix(), year, seq);
            reserve(c, certificateType, allocated, holder, now);
            audit.append(c, new AuditEntry(AuditAction.CERTIFICATE_NUMBERED, "certificate:" + allocated, Map.of(
                    "type", certificateType, "holder", who.idNumber().masked(),
                    "holderRef", audit.holderReference(holder))));
            return allocated;
        });

        IssuedCertificate issued = issuedOrFail(who, certificateType, number);
        Optional<String> digest = Optional.empty();
        PrintOutcome outcome;
        try {
            RenderedCertificate rendered = renderer.render(new CertificateRequest(certificateType,
                    entitlement.titleZh(), entitlement.titleEn(), entitlement.issuerZh(), issued, kioskId));
            digest = Optional.of(rendered.sha256() != null ? rendered.sha256() : sha256(rendered.pdf()));
            outcome = printer.print(entitlement.titleZh() + " " + issued.number(), rendered.pdf());
        } catch (RuntimeException e) {
            LOG.warn("certificate {} for {} failed before printing", issued.number(), who.idNumber(), e);
            outcome = PrintOutcome.failed("could not render or send the document: " + e.getMessage());
        }
        PrintOutcome recorded = outcome;
        Optional<String> recordedDigest = digest;
        int remaining = store.inTransaction(c -> {
            complete(c, number, recorded, recordedDigest);
            Map<String, String> details = new java.util.TreeMap<>(Map.of(
                    "type", certificateType, "holder", who.idNumber().masked(),
                    "holderRef", audit.holderReference(holder), "issuedNumber", issued.number(),
                    "outcome", recorded.printed() ? "PRINTED" : "FAILED: " + truncate(recorded.failureReason(), 300)));
            // the digest the print row keeps, so that editing it is a break of the trail (ADR 0066)
            recordedDigest.ifPresent(d -> details.put("document", d));
            audit.append(c, new AuditEntry(recorded.printed() ? AuditAction.CERTIFICATE_PRINTED
                    : AuditAction.CERTIFICATE_PRINT_FAILED, "certificate:" + number, details));
            return rule.printLimit() - attemptsCounting(c, holder, legacy, certificateType);
        });
        LOG.info("certificate {} ({}) for {}: {}", issued.number(), certificateType, who.idNumber(),
                recorded.printed() ? "printed" : "failed: " + recorded.failureReason());
        return new IssueResult(issued.number(), recorded, Math.max(0, remaining));
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
            complete(c, attempt, failed, Optional.empty());
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

    private static void complete(Connection c, String number, PrintOutcome outcome, Optional<String> digest)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE certificate_print SET outcome = ?,"
                + " failure_reason = ?, document_sha256 = ? WHERE certificate_number = ? AND outcome = 'PENDING'")) {
            update.setString(1, outcome.printed() ? "PRINTED" : "FAILED");
            update.setString(2, outcome.printed() ? null : truncate(outcome.failureReason(), 300));
            update.setString(3, digest.orElse(null));
            update.setString(4, number);
            if (update.executeUpdate() != 1) {
                throw new SQLException("print attempt " + number + " is no longer pending");
            }
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
