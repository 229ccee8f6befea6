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
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.Application;
import org.openkiosk.app.service.platform.ServiceGuide;
import org.openkiosk.app.service.platform.ServicePlatform;

/** The query screens: application progress, my appointments, my certificates, and public service guides. */
public final class QueryService {

    private final ServicePlatform platform;
    private final BookingRepository bookings;
    private final CertificateService certificates;
    private final AuditLog audit;

    /** @param audit records each query of a person's data: what, the masked number, how many items */
    public QueryService(ServicePlatform platform, BookingRepository bookings, CertificateService certificates,
                        AuditLog audit) {
        this.platform = platform;
        this.bookings = bookings;
        this.certificates = certificates;
        this.audit = audit;
    }

    /** Each application with its timeline, oldest step first. */
    public List<Application> progress(Identity who) {
        return recorded(who, "progress", platform.applications(who.idNumber()));
    }

    /** The person's bookings, newest first. */
    public List<Booking> appointments(Identity who) {
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

    /** Public guides; no identity needed. */
    public List<ServiceGuide> guides() {
        return platform.guides();
    }

    public Optional<ServiceGuide> guide(String code) {
        return platform.guides().stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
