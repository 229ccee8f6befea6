package org.openkiosk.app.service.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.certificate.CertificateService;
import org.openkiosk.app.service.certificate.PrintableCertificate;
import org.openkiosk.app.service.identity.AccessPolicy;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.ProtectedService;
import org.openkiosk.app.service.platform.Application;
import org.openkiosk.app.service.platform.ServiceGuide;
import org.openkiosk.app.service.platform.ServicePlatform;

/**
 * The query screens: application progress, my appointments, my certificates, and public service guides. Each
 * asks the {@link AccessPolicy} first: a typed number shows nothing personal.
 */
public final class QueryService {

    private final ServicePlatform platform;
    private final BookingRepository bookings;
    private final CertificateService certificates;
    private final AccessPolicy access;
    private final AuditLog audit;

    /** @param audit records each query of a person's data: what, the masked number, how many items */
    public QueryService(ServicePlatform platform, BookingRepository bookings, CertificateService certificates,
                        AccessPolicy access, AuditLog audit) {
        this.access = access;
        this.platform = platform;
        this.bookings = bookings;
        this.certificates = certificates;
        this.audit = audit;
    }

    /** Each application with its timeline, oldest step first. */
    public List<Application> progress(Identity who) {
        access.require(ProtectedService.PROGRESS, Optional.of(who), Optional.empty());
        return recorded(who, "progress", platform.applications(who.idNumber()));
    }

    /** The person's bookings, newest first. */
    public List<Booking> appointments(Identity who) {
        access.require(ProtectedService.MY_APPOINTMENTS, Optional.of(who), Optional.empty());
        return recorded(who, "appointments", bookings.of(who.idNumber()));
    }

    public List<PrintableCertificate> certificates(Identity who) {
        return recorded(who, "certificates", certificates.printable(who));
    }

    /** Personal data is shown only once its query is in the audit trail. */
    private <T> List<T> recorded(Identity who, String what, List<T> items) {
        audit.record(new AuditEntry(AuditAction.PERSONAL_DATA_QUERIED, "query:" + what, Map.of(
                "holder", who.idNumber().masked(), "items", Integer.toString(items.size()))));
        return items;
    }

    /** Public guides; no identity needed at the default level. */
    public List<ServiceGuide> guides() {
        return guides(Optional.empty());
    }

    /** Guides for whoever is at the kiosk (nobody yet, or the identified citizen). */
    public List<ServiceGuide> guides(Optional<Identity> who) {
        access.require(ProtectedService.GUIDES, who, Optional.empty());
        return platform.guides();
    }

    public Optional<ServiceGuide> guide(String code) {
        return guides().stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
