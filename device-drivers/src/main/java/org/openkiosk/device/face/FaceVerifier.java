package org.openkiosk.device.face;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.openkiosk.device.AbstractDevice;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face verification (人证核验): a camera takes a live frame and a matcher compares it with the card holder's
 * reference. The frame lives only inside {@link #verify}: it is zeroed before the call returns, whatever the
 * outcome. Logs and events carry the outcome only, never an image, a score or a full number.
 */
public final class FaceVerifier extends AbstractDevice {

    private static final Logger log = LoggerFactory.getLogger(FaceVerifier.class);

    /** How many comparisons a citizen gets before the kiosk offers staff help instead. */
    public static final int DEFAULT_ATTEMPTS = 3;

    private final CameraSource camera;
    private final FaceMatcher matcher;
    private final int attempts;
    private final FaceLiveness liveness;
    private final int previewFps;
    private final java.util.concurrent.atomic.AtomicReference<CameraPreview> preview =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** @param attempts comparisons allowed per card before the flow offers staff help (1–10) */
    public FaceVerifier(String logicalName, CameraSource camera, FaceMatcher matcher, int attempts) {
        this(logicalName, camera, matcher, attempts, FaceLiveness.OPTIONAL);
    }

    /**
     * @param attempts comparisons allowed per card before the flow offers staff help (1–10)
     * @param liveness whether the matcher's liveness check is required, used where offered, or off (ADR 0118)
     */
    public FaceVerifier(String logicalName, CameraSource camera, FaceMatcher matcher, int attempts,
                        FaceLiveness liveness) {
        this(logicalName, camera, matcher, attempts, liveness, CameraPreview.DEFAULT_FPS);
    }

    /**
     * @param previewFps the face screen's live preview rate, 1–15, or 0 for no preview (ADR 0185)
     */
    public FaceVerifier(String logicalName, CameraSource camera, FaceMatcher matcher, int attempts,
                        FaceLiveness liveness, int previewFps) {
        super(logicalName, DeviceClass.FACE_VERIFIER);
        if (previewFps < 0 || previewFps > CameraPreview.MAX_FPS) {
            throw new IllegalArgumentException("previewFps must be 0–" + CameraPreview.MAX_FPS + ", got " + previewFps);
        }
        this.previewFps = previewFps;
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.camera = Objects.requireNonNull(camera, "camera");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be 1–10, got " + attempts);
        }
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }

    public FaceLiveness liveness() {
        return liveness;
    }

    /** The live preview's rate on the face screen; 0 when the screen shows no preview. */
    public int previewFps() {
        return previewFps;
    }

    /** The matcher, for the demo's controls over a simulated one. */
    public FaceMatcher matcher() {
        return matcher;
    }

    @Override
    public String description() {
        return matcher.description() + " with " + camera.description()
                + (liveness == FaceLiveness.OPTIONAL ? "" : ", liveness " + liveness.option());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.COMPARES_FACES);
    }

    @Override
    protected void doOpen() throws DeviceException {
        try {
            camera.check();
            matcher.check();
            requireLiveness();
        } catch (DeviceException e) {
            throw reportError(e);
        }
    }

    private void requireLiveness() throws DeviceException {
        if (liveness == FaceLiveness.REQUIRED && !matcher.offersLiveness()) {
            throw new DeviceException(matcher.description() + " offers no liveness check, but options.liveness is"
                    + " required", RecommendedAction.CHECK_CONFIGURATION, false);
        }
    }

    @Override
    protected void doClose() {
        CameraPreview running = preview.getAndSet(null);
        if (running != null) {
            running.close();
        }
        try {
            matcher.close();
        } finally {
            camera.close();
        }
    }

    /**
     * Starts a live preview of the camera for the face screen (ADR 0185); a preview already running is stopped
     * first. Returns at once (the camera is opened on the preview's own thread), so it may be called on the JavaFX
     * thread. While it runs, {@link #verify} takes its frame from the preview's stream. The caller closes it.
     *
     * @param framesPerSecond 1–15
     * @param onFrame         called on the preview's thread when a new frame is ready; must not block
     * @throws DeviceException when the verifier is not enabled
     */
    public CameraPreview startPreview(int framesPerSecond, int maxWidth, int maxHeight, Runnable onFrame)
            throws DeviceException {
        requireAtLeast(DeviceState.ENABLED, "show a camera preview");
        CameraPreview started = new CameraPreview(camera, framesPerSecond, maxWidth, maxHeight, onFrame);
        CameraPreview previous = preview.getAndSet(started);
        if (previous != null) {
            previous.close();
        }
        started.ended().thenRun(() -> preview.compareAndSet(started, null));
        started.start(previous == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : previous.ended());
        return started;
    }

    /** A live frame: from the running preview's stream when there is one, otherwise captured on its own. */
    private FaceImage liveFrame() throws DeviceException {
        CameraPreview running = preview.get();
        FaceImage frame = running == null ? null : running.capture();
        return frame != null ? frame : camera.capture();
    }

    /**
     * Takes one live frame and compares it with the reference. Blocks (camera, network or SDK, each under a
     * timeout): never on the UI thread. The reference stays the caller's to close.
     */
    public FaceMatch verify(FaceReference reference) throws DeviceException {
        requireAtLeast(DeviceState.ENABLED, "verify a face");
        updateHealth(HealthStatus.busy("verifying"));
        FaceMatch outcome;
        try (FaceImage live = liveFrame()) {
            outcome = matcher.compare(live, reference, liveness);
        } catch (DeviceException e) {
            updateHealth(HealthStatus.error(e.getMessage(), e.action()));
            throw reportError(e);
        }
        statistics().increment(DeviceStatistics.VERIFICATIONS);
        if (outcome == FaceMatch.MATCH) {
            statistics().increment(DeviceStatistics.MATCHES);
        }
        updateHealth(HealthStatus.online("ready"));
        log.info("{}: face verification for {}: {}", logicalName(), reference.holder().masked(), outcome);
        return outcome;
    }

    @Override
    public HealthStatus checkHealth(HealthCheckLevel level) {
        if (level == HealthCheckLevel.INTERNAL) {
            return health();
        }
        try {
            camera.check();
            matcher.check();
            requireLiveness();
            updateHealth(HealthStatus.online("ready"));
        } catch (DeviceException e) {
            updateHealth(HealthStatus.offline(e.getMessage(), e.action()));
        }
        return health();
    }
}
