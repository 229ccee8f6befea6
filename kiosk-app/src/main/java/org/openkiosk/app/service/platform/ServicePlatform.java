package org.openkiosk.app.service.platform;

import java.util.List;
import java.util.Optional;
import org.openkiosk.device.idcard.IdNumber;

/**
 * The government service platform the kiosk asks about people and services. Two adapters: the embedded one
 * (the kiosk's own store, with demo data) and the HTTP one (a provincial platform). Every method may throw
 * {@link PlatformUnavailableException} or {@link PlatformReplyException}.
 */
public interface ServicePlatform {

    Optional<Citizen> findCitizen(IdNumber idNumber);

    List<Application> applications(IdNumber idNumber);

    List<Entitlement> entitlements(IdNumber idNumber);

    List<ServiceGuide> guides();

    List<Hall> halls();

    default Optional<Hall> hall(String hallId) {
        return halls().stream().filter(h -> h.id().equals(hallId)).findFirst();
    }
}
