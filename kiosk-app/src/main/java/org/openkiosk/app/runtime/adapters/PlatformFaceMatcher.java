package org.openkiosk.app.runtime.adapters;

import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.service.platform.HttpServicePlatform;
import org.openkiosk.app.service.platform.PlatformReplyException;
import org.openkiosk.app.service.platform.PlatformUnavailableException;
import org.openkiosk.app.service.platform.ServicePlatform;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.face.FaceImage;
import org.openkiosk.device.face.FaceLiveness;
import org.openkiosk.device.face.FaceMatch;
import org.openkiosk.device.face.FaceMatcher;
import org.openkiosk.device.face.FaceReference;

/**
 * The face verifier's matcher that asks the service platform (driver {@code platform}): the live photo goes to
 * the platform's verification endpoint, which compares it with its own photo of the card holder (ADR 0114).
 */
public final class PlatformFaceMatcher implements FaceMatcher {

    private final ServicePlatform platform;

    private PlatformFaceMatcher(ServicePlatform platform) {
        this.platform = Objects.requireNonNull(platform);
    }

    /** A matcher for a platform that verifies faces (the HTTP one); none for the embedded platform. */
    public static Optional<FaceMatcher> of(ServicePlatform platform) {
        return platform instanceof HttpServicePlatform ? Optional.of(new PlatformFaceMatcher(platform)) : Optional.empty();
    }

    @Override
    public void check() {
        // the platform's reachability is the platform's health, not the camera's
    }

    @Override
    public FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException {
        return compare(live, reference, FaceLiveness.OPTIONAL);
    }

    /** The platform's contract has a liveness verdict (ADR 0118); a reply without one where required is a fault. */
    @Override
    public boolean offersLiveness() {
        return true;
    }

    @Override
    public FaceMatch compare(FaceImage live, FaceReference reference, FaceLiveness liveness) throws DeviceException {
        try {
            return platform.verifyFace(reference.holder(), live.bytes(), live.mediaType(), liveness);
        } catch (PlatformUnavailableException e) {
            throw new DeviceException("face verification: " + e.getMessage(), RecommendedAction.RETRY, true, e);
        } catch (PlatformReplyException e) {
            throw new DeviceException("face verification: " + e.getMessage(), RecommendedAction.CALL_MAINTENANCE, false, e);
        }
    }

    @Override
    public String description() {
        return "face verification at the service platform";
    }
}
