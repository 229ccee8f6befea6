package org.openkiosk.device.face;

import org.openkiosk.device.DeviceException;

/**
 * Where live frames come from: a real camera, or {@link SimulatedCamera} playing image files (tests, demo).
 * A new camera driver implements this and nothing else; see ADR 0113 for V4L2.
 */
public interface CameraSource extends AutoCloseable {

    /** Checks that the camera is there and answers (may do I/O, under a timeout). */
    void check() throws DeviceException;

    /** Takes one frame. Blocks under a timeout; never on the UI thread. The caller closes the image. */
    FaceImage capture() throws DeviceException;

    /** For technicians, e.g. {@code simulated camera playing 3 images from /opt/demo/faces}. */
    String description();

    @Override
    default void close() {}
}
