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
import org.openkiosk.app.service.identity.IdentificationService;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.service.query.QueryService;
import org.openkiosk.app.service.queue.QueueService;
import org.openkiosk.app.service.rating.RatingService;
import org.openkiosk.app.store.Store;

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
    private final BackgroundAudit auditInBackground;

    /**
     * Services whose audit trail is keyed with a throw-away key (tests, tools): a later process cannot verify it.
     * The kiosk runtime passes its audit key and head file to the other constructor.
     */
    public CitizenServices(Store store, ServicePlatform platform, ServiceCatalogue catalogue,
                           CertificateDocumentPort renderer, A4PrintPort a4, ReceiptPort receipts, Clock clock,
                           String kioskId, String hallId) {
        this(store, platform, catalogue, renderer, a4, receipts, clock, kioskId, hallId, AuditKey.ephemeral(),
                Optional.empty());
    }

    /**
     * @param auditKey  keys the audit trail (ADR 0064)
     * @param auditHead where the signed chain head is published after each record
     */
    public CitizenServices(Store store, ServicePlatform platform, ServiceCatalogue catalogue,
                           CertificateDocumentPort renderer, A4PrintPort a4, ReceiptPort receipts, Clock clock,
                           String kioskId, String hallId, AuditKey auditKey, Optional<AuditHeadFile> auditHead) {
        BookingRepository bookings = new BookingRepository(store);
        this.audit = new AuditLog(store, clock, kioskId, auditKey, auditHead);
        this.auditInBackground = new BackgroundAudit(audit);
        this.identification = new IdentificationService(platform, bookings, clock, audit);
        this.certificates = new CertificateService(store, platform, catalogue, renderer, a4, audit, clock, kioskId);
        this.queries = new QueryService(platform, bookings, certificates, audit);
        this.appointments = new AppointmentService(store, bookings, catalogue, platform, receipts, audit, clock, kioskId);
        this.queue = new QueueService(store, bookings, catalogue, platform, receipts, audit, clock, kioskId, hallId);
        this.ratings = new RatingService(store, audit, clock, kioskId);
    }

    public IdentificationService identification() {
        return identification;
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

    public AuditLog audit() {
        return audit;
    }

    /** The same trail for callers that must not wait for the database (the JavaFX thread). */
    public BackgroundAudit auditInBackground() {
        return auditInBackground;
    }
}
