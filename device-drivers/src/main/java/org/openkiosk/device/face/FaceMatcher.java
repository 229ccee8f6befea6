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

    String description();

    @Override
    default void close() {}
}
