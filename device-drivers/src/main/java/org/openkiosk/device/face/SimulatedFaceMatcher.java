package org.openkiosk.device.face;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;

/**
 * The demo's matcher: a frame of one flat colour has no face ({@link FaceMatch#NO_FACE}); any other frame gets
 * the outcome set for the next comparison ({@link #answerNext}, from the demo panel or a test), by default
 * {@link FaceMatch#MATCH}; {@link FaceMatch#NOT_LIVE} plays a failed liveness check. It compares nothing: it
 * only lets the flow be shown and tested without hardware.
 */
public final class SimulatedFaceMatcher implements FaceMatcher {

    private final AtomicReference<FaceMatch> next = new AtomicReference<>();
    private final FaceMatch usual;

    /** @param usual the outcome when none was set for the next comparison */
    public SimulatedFaceMatcher(FaceMatch usual) {
        this.usual = Objects.requireNonNull(usual);
    }

    /** The outcome of the next comparison of a frame with a face (once). */
    public void answerNext(FaceMatch outcome) {
        next.set(Objects.requireNonNull(outcome));
    }

    @Override
    public void check() {
        // always ready
    }

    @Override
    public FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException {
        // decoded like a preview frame: read in place, every buffer zeroed (no ImageIO cache file, ADR 0185)
        boolean flat;
        try (PreviewFrame image = PreviewDecoder.decode(live, 80, 100, 0)) {
            flat = flat(image.argb());
        } catch (IOException e) {
            throw new DeviceException("simulated matcher: the frame is not a readable image",
                    RecommendedAction.CHECK_CONFIGURATION, false);
        }
        if (flat) {
            return FaceMatch.NO_FACE;
        }
        FaceMatch chosen = next.getAndSet(null);
        return chosen == null ? usual : chosen;
    }

    /** It simulates a matcher with a liveness check: {@link FaceMatch#NOT_LIVE} can be set as the next answer. */
    @Override
    public boolean offersLiveness() {
        return true;
    }

    @Override
    public FaceMatch compare(FaceImage live, FaceReference reference, FaceLiveness liveness) throws DeviceException {
        FaceMatch match = compare(live, reference);
        return match == FaceMatch.NOT_LIVE && liveness == FaceLiveness.OFF ? usual : match;
    }

    private static boolean flat(int[] argb) {
        for (int pixel : argb) {
            if (pixel != argb[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String description() {
        return "simulated face matcher";
    }
}
