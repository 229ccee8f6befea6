package org.openkiosk.app.service.identity;

import java.util.Optional;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;

/**
 * Decides whether the citizen proved enough for a service, from the {@code assurance} levels of
 * {@code services.yaml}. The services call it first, before any lookup, so a refusal looks the same whether or
 * not the platform knows the person.
 */
public final class AccessPolicy {

    private final ServiceCatalogue catalogue;

    public AccessPolicy(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The least level a service needs. */
    public AssuranceLevel required(ProtectedService service) {
        return catalogue.assurance().levelOf(service);
    }

    /** The least level to preview or print a certificate type ({@code card} for a type not printed here). */
    public AssuranceLevel requiredForCertificate(String certificateType) {
        return catalogue.certificate(certificateType).map(r -> r.assuranceLevel()).orElse(AssuranceLevel.CARD);
    }

    /**
     * The level to ask for when entering certificate printing: the strongest that listing or any printable type
     * needs, so a citizen proves it once (e.g. the face for a type at {@code card-and-face}) before choosing.
     */
    public AssuranceLevel requiredToEnterCertificates() {
        return catalogue.certificates().stream().map(r -> r.assuranceLevel())
                .reduce(required(ProtectedService.MY_CERTIFICATES), (a, b) -> a.atLeast(b) ? a : b);
    }

    /**
     * Refuses unless {@code who} proved enough. Nobody identified counts only for services at the weakest level
     * (typed number): anyone can type a number, so asking for one would prove nothing.
     *
     * @param targetBooking the booking the operation concerns, for check-in and cancel (a slip proves it)
     * @throws AssuranceException naming the level needed
     */
    public void require(ProtectedService service, Optional<Identity> who, Optional<String> targetBooking) {
        AssuranceLevel needed = required(service);
        AssuranceLevel proved = who.map(w -> targetBooking.map(w::assuranceFor).orElseGet(w::assurance))
                .orElse(AssuranceLevel.TYPED_NUMBER);
        refuseBelow(needed, proved, service.configKey());
    }

    /** Like {@link #require} for an operation proved by a scanned slip of {@code bookingCode} alone. */
    public void requireSlip(ProtectedService service) {
        refuseBelow(required(service), AssuranceLevel.SLIP, service.configKey());
    }

    public void requireCertificate(String certificateType, Identity who) {
        refuseBelow(requiredForCertificate(certificateType), who.assurance(), "certificate " + certificateType);
    }

    /** Whether {@code who} may use the service (no exception): for screens that offer only what is allowed. */
    public boolean allows(ProtectedService service, Identity who) {
        return who.assurance().atLeast(required(service));
    }

    private static void refuseBelow(AssuranceLevel needed, AssuranceLevel proved, String what) {
        if (!proved.atLeast(needed)) {
            throw new AssuranceException(needed, what + " needs " + needed.configName() + ", the citizen proved "
                    + proved.configName());
        }
    }
}
