package org.openkiosk.app.service.query;

import java.util.List;
import java.util.Optional;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingRepository;
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

    public QueryService(ServicePlatform platform, BookingRepository bookings, CertificateService certificates) {
        this.platform = platform;
        this.bookings = bookings;
        this.certificates = certificates;
    }

    /** Each application with its timeline, oldest step first. */
    public List<Application> progress(Identity who) {
        return platform.applications(who.idNumber());
    }

    /** The person's bookings, newest first. */
    public List<Booking> appointments(Identity who) {
        return bookings.of(who.idNumber());
    }

    public List<PrintableCertificate> certificates(Identity who) {
        return certificates.printable(who);
    }

    /** Public guides; no identity needed. */
    public List<ServiceGuide> guides() {
        return platform.guides();
    }

    public Optional<ServiceGuide> guide(String code) {
        return platform.guides().stream().filter(g -> g.code().equals(code)).findFirst();
    }
}
