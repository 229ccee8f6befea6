package org.openkiosk.device.face;

import java.io.IOException;
import java.time.Duration;

/**
 * A camera's frames, one after another, for a live preview (ADR 0185). {@link #next()} blocks on the camera;
 * {@link #stop()} may be called from any thread (the JavaFX thread included) and never blocks: it makes a waiting
 * {@link #next()} return; {@link #close()} then releases everything (a subprocess killed and reaped) on the
 * preview's own thread.
 */
public interface FrameStream extends AutoCloseable {

    /** The next frame (the caller closes it, which zeroes it), or null when the stream has ended. */
    FaceImage next() throws IOException, org.openkiosk.device.DeviceException;

    /** Whether the camera paces the frames itself (a real camera); otherwise the preview waits between frames. */
    boolean selfPaced();

    /** Frames at the start of the stream that a capture must not take (auto-exposure settling). */
    default int warmupFrames() {
        return 0;
    }

    /** How long a capture from the running stream may wait for its frame. */
    default Duration captureTimeout() {
        return Duration.ofSeconds(5);
    }

    /** Makes a blocked {@link #next()} return soon; never blocks. */
    void stop();

    /** Releases the camera; may block briefly (a subprocess reaped). Idempotent. */
    @Override
    void close();
}
