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

    /**
     * The camera's frames one after another, for a live preview (ADR 0185). The default takes one {@link #capture()}
     * per frame, paced by the preview: right for a camera that plays files; a camera that must stream (V4L2
     * through ffmpeg) overrides it. Called on the preview's own thread.
     *
     * @param framesPerSecond the preview's rate, a hint to a camera that can pace itself
     */
    default FrameStream stream(int framesPerSecond) throws DeviceException {
        check();
        return new FrameStream() {
            @Override
            public FaceImage next() throws DeviceException {
                return capture();
            }

            @Override
            public boolean selfPaced() {
                return false;
            }

            @Override
            public void stop() {
                // each capture ends by itself
            }

            @Override
            public void close() {
                // nothing held between captures
            }
        };
    }

    /** For technicians, e.g. {@code simulated camera playing 3 images from /opt/demo/faces}. */
    String description();

    @Override
    default void close() {}
}
