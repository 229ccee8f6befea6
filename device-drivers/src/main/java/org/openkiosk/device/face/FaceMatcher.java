package org.openkiosk.device.face;

import org.openkiosk.device.DeviceException;

/**
 * Compares a live face with a reference: the service platform's verification endpoint, a vendor SDK on the
 * kiosk ({@link VendorFaceSdk}) or the simulator. Neither image is kept by the matcher.
 */
public interface FaceMatcher extends AutoCloseable {

    /** Checks that the matcher can work (library loaded, endpoint configured); may do I/O. */
    void check() throws DeviceException;

    /** Blocks under a timeout; never on the UI thread. */
    FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException;

    /**
     * Compares under a liveness policy (ADR 0118). Matchers that can check liveness override this and
     * {@link #offersLiveness()}; the rest compare as usual, and refuse when liveness is required.
     */
    default FaceMatch compare(FaceImage live, FaceReference reference, FaceLiveness liveness) throws DeviceException {
        if (liveness == FaceLiveness.REQUIRED && !offersLiveness()) {
            throw new DeviceException(description() + " offers no liveness check, but options.liveness is required",
                    org.openkiosk.device.RecommendedAction.CHECK_CONFIGURATION, false);
        }
        return compare(live, reference);
    }

    /** Whether this matcher can tell a live face from a photo; meaningful after {@link #check()}. */
    default boolean offersLiveness() {
        return false;
    }

    String description();

    @Override
    default void close() {}
}
