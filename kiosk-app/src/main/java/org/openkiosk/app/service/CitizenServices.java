package org.openkiosk.app.service;

import java.time.Clock;
import java.util.Optional;
import org.openkiosk.app.service.appointment.AppointmentService;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.audit.BackgroundAudit;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.certificate.CertificateService;
import org.openkiosk.app.service.identity.AccessPolicy;
import org.openkiosk.app.service.identity.AttemptLimiter;
import org.openkiosk.app.service.identity.IdentificationService;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.service.query.QueryService;
import org.openkiosk.app.service.queue.QueueService;
import org.openkiosk.app.service.rating.RatingService;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.journal.Journal;

/**
 * All citizen services of one kiosk, wired once from the store, the platform, the catalogue and the device
 * ports. The UI holds one of these; none of its methods may run on the JavaFX thread (they do I/O).
 */
public final class CitizenServices {

    private final IdentificationService identification;
    private final QueryService queries;
    private final CertificateService certificates;
    private final AppointmentService appointments;
    private final QueueService queue;
    private final RatingService ratings;
    private final AuditLog audit;
    private volatile Optional<AuditLog> journalAudit = Optional.empty();
    private final BackgroundAudit auditInBackground;
    private final AccessPolicy access;
    private final AttemptLimiter attempts;
    private final AuditKey auditKey;
    private final Clock clock;
    private final String kioskId;

    /**
     * Services whose audit trail is keyed with a throw-away key (tests, tools): a later process cannot verify it.
     * The kiosk runtime passes its audit key and head file to the other constructor.
     */
    public CitizenServices(Store store, ServicePlatform platform, ServiceCatalogue catalogue,
                           CertificateDocumentPort renderer, A4PrintPort a4, ReceiptPort receipts, Clock clock,
                           String kioskId, String hallId) {
        this(store, platform, catalogue, renderer, a4, receipts, clock, kioskId, hallId, AuditKey.ephemeral(),
                Optional.empty(), org.openkiosk.app.service.certificate.HolderKey.demo());
    }

    /**
     * @param auditKey   keys the audit trail (ADR 0064)
     * @param auditHead  where the signed chain head is published after each record
     * @param holderKeys keys print records by person under the network's secret (see {@code HolderKey.load})
     */
    public CitizenServices(Store store, ServicePlatform platform, ServiceCatalogue catalogue,
                           CertificateDocumentPort renderer, A4PrintPort a4, ReceiptPort receipts, Clock clock,
                           String kioskId, String hallId, AuditKey auditKey, Optional<AuditHeadFile> auditHead,
                           org.openkiosk.app.service.certificate.HolderKey holderKeys) {
        BookingRepository bookings = new BookingRepository(store);
        this.auditKey = auditKey;
        this.clock = clock;
        this.kioskId = kioskId;
        this.audit = new AuditLog(store, clock, kioskId, auditKey, auditHead);
        this.auditInBackground = new BackgroundAudit(audit);
        this.attempts = new AttemptLimiter(clock, kioskId, AttemptLimiter.Settings.defaults());
        this.identification = new IdentificationService(bookings, clock, attempts, audit);
        this.certificates = new CertificateService(store, platform, catalogue, renderer, a4, audit, clock, kioskId,
                holderKeys);
        this.access = new AccessPolicy(catalogue);
        this.queries = new QueryService(platform, bookings, certificates, access, audit);
        this.appointments = new AppointmentService(store, bookings, catalogue, platform, receipts, audit, clock, kioskId);
        this.queue = new QueueService(store, bookings, catalogue, platform, receipts, audit, clock, kioskId, hallId);
        this.queue.limitAttempts(attempts);
        this.ratings = new RatingService(store, audit, clock, kioskId);
    }

    /**
     * Hall mode (ADRs 0160, 0161, 0173): ratings, check-ins and queue tickets go through the kiosk's journal (audited
     * in the journal's own chain); walk-in tickets come from numbers reserved in advance while the hall store is
     * unreachable.
     *
     * @param walkInReserve walk-in numbers reserved per queue and day ({@code store.walkInReserve})
     * @param hallReachable whether the shipper last reached the hall store ({@code Shipper::hallReachable})
     * @param forwardNow    forwards a ticket record at once and says whether the hall took it ({@code
     *                      Shipper::forwardNow}, ADR 0173)
     */
    public void journalInto(Journal journal, Store hall, int walkInReserve,
                            java.util.function.BooleanSupplier hallReachable,
                            org.openkiosk.app.store.journal.ForwardNow forwardNow) {
        journalInto(journal, hall, walkInReserve, hallReachable, forwardNow, Optional.empty());
    }

    /**
     * @param journalHead where the journal chain's signed head is published after each record (ADR 0163); empty:
     *                    in memory only
     */
    public void journalInto(Journal journal, Store hall, int walkInReserve,
                            java.util.function.BooleanSupplier hallReachable,
                            org.openkiosk.app.store.journal.ForwardNow forwardNow,
                            Optional<AuditHeadFile> journalHead) {
        AuditLog journalAudit = new AuditLog(journal.store(), clock, kioskId, auditKey, journalHead);
        this.journalAudit = Optional.of(journalAudit);
        ratings.writeInto(journal, journalAudit);
        certificates.noteInto(journal.store());
        queue.issueOfflineFrom(new org.openkiosk.app.service.queue.OfflineTickets(hall, journal, walkInReserve,
                hallReachable, forwardNow), journalAudit);
    }

    public IdentificationService identification() {
        return identification;
    }

    /** Which proof of identity each service needs (services.yaml {@code assurance}). */
    public AccessPolicy access() {
        return access;
    }

    /** Typed-number and slip-code guessing at this kiosk: subscribe with {@code onAlarm} (the fleet link). */
    public AttemptLimiter attempts() {
        return attempts;
    }

    public QueryService queries() {
        return queries;
    }

    public CertificateService certificates() {
        return certificates;
    }

    public AppointmentService appointments() {
        return appointments;
    }

    public QueueService queue() {
        return queue;
    }

    public RatingService ratings() {
        return ratings;
    }

    /** The audit chain in the hall kiosk's journal (ADR 0160); empty on a standalone kiosk. */
    public Optional<AuditLog> journalAudit() {
        return journalAudit;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The same trail for callers that must not wait for the database (the JavaFX thread). */
    public BackgroundAudit auditInBackground() {
        return auditInBackground;
    }
}
