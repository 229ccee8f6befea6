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
        super(logicalName, DeviceClass.FACE_VERIFIER);
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
        try {
            matcher.close();
        } finally {
            camera.close();
        }
    }

    /**
     * Takes one live frame and compares it with the reference. Blocks (camera, network or SDK, each under a
     * timeout): never on the UI thread. The reference stays the caller's to close.
     */
    public FaceMatch verify(FaceReference reference) throws DeviceException {
        requireAtLeast(DeviceState.ENABLED, "verify a face");
        updateHealth(HealthStatus.busy("verifying"));
        FaceMatch outcome;
        try (FaceImage live = camera.capture()) {
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
