package org.openkiosk.app.service.catalogue;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The services, appointment rules and certificate reprint limits of the kiosk network, from
 * {@code config/services.yaml}.
 *
 * @param zone          the halls' time zone (slot days and times are local to it)
 * @param checkIn       the priority check-in window
 * @param services      the services
 * @param certificates  certificates the kiosk may print, with their reprint limits
 * @param platform      which service platform to ask (embedded when absent)
 * @param assurance     the least proof of identity per service (safe defaults when absent)
 * @param retention     how long full ID numbers stay in bookings (30 days after the appointment when absent)
 */
public record ServiceCatalogue(ZoneId zone, CheckInWindow checkIn, List<ServiceDefinition> services,
                               List<CertificateRule> certificates, PlatformSettings platform,
                               AssuranceRules assurance, RetentionRules retention) {

    public ServiceCatalogue {
        services = services == null ? List.of() : List.copyOf(services);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        platform = platform == null ? PlatformSettings.embedded() : platform;
        assurance = assurance == null ? AssuranceRules.defaults() : assurance;
        retention = retention == null ? RetentionRules.defaults() : retention;
    }

    public ServiceCatalogue(ZoneId zone, CheckInWindow checkIn, List<ServiceDefinition> services,
                            List<CertificateRule> certificates, PlatformSettings platform, AssuranceRules assurance) {
        this(zone, checkIn, services, certificates, platform, assurance, null);
    }

    public ServiceCatalogue(ZoneId zone, CheckInWindow checkIn, List<ServiceDefinition> services,
                            List<CertificateRule> certificates, PlatformSettings platform) {
        this(zone, checkIn, services, certificates, platform, null, null);
    }

    public Optional<ServiceDefinition> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public List<ServiceDefinition> bookableServices() {
        return services.stream().filter(ServiceDefinition::bookable).toList();
    }

    public Optional<CertificateRule> certificate(String type) {
        return certificates.stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
