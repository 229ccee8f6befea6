package org.openkiosk.app.service.platform;

import java.util.List;
import java.util.Optional;
import org.openkiosk.device.face.FaceMatch;
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

    /**
     * Asks the issuing authority for a certificate: the platform decides whether this person may have it and
     * returns its content (number, dates, the template's fields, optionally the authority's signature).
     *
     * @param requestId the kiosk's reference for this attempt; a platform may use it to answer a repeated
     *                  request with the same certificate
     * @param preview   true for the on-screen preview: nothing is issued or recorded, the number may be a sample
     * @throws CertificateRefusedException the authority does not issue it to this person
     */
    IssuedCertificate issueCertificate(IdNumber idNumber, String certificateType, String requestId, String kioskId,
                                       boolean preview);

    /**
     * Compares a live photo with the platform's photo of this person (人证核验). Only the HTTP platform offers it;
     * the embedded one has no photos.
     *
     * @param livePhoto the camera frame (JPEG or PNG), not kept by the platform adapter
     */
    default FaceMatch verifyFace(IdNumber idNumber, byte[] livePhoto, String mediaType) {
        throw new PlatformReplyException("this service platform offers no face verification");
    }

    /**
     * The same, under a liveness policy (ADR 0118): {@code required} — the reply must carry a liveness verdict;
     * {@code optional} — a verdict is used when the platform gives one; {@code off} — any verdict is ignored. A
     * frame that failed the platform's liveness check is {@link FaceMatch#NOT_LIVE}.
     */
    default FaceMatch verifyFace(IdNumber idNumber, byte[] livePhoto, String mediaType,
                                 org.openkiosk.device.face.FaceLiveness liveness) {
        if (liveness == org.openkiosk.device.face.FaceLiveness.REQUIRED) {
            throw new PlatformReplyException("this service platform offers no liveness check");
        }
        return verifyFace(idNumber, livePhoto, mediaType);
    }

    List<ServiceGuide> guides();

    List<Hall> halls();

    default Optional<Hall> hall(String hallId) {
        return halls().stream().filter(h -> h.id().equals(hallId)).findFirst();
    }
}
