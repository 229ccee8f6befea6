package org.openkiosk.device.face;

import java.util.Map;
import java.util.Optional;
import org.openkiosk.device.transport.TransportUri;

/**
 * Builds a {@link FaceVerifier} from configuration. The URI is the camera ({@code sim:…} plays image files;
 * {@code v4l2:/dev/videoN} captures through ffmpeg, see ADR 0117); the driver is the matcher:
 * <ul>
 *   <li>{@code platform} — the service platform's verification endpoint (the caller supplies that matcher)</li>
 *   <li>{@code facesdk} — a vendor SDK through JNA, options {@code library} and {@code threshold}</li>
 *   <li>{@code sim} — the simulated matcher (demo), option {@code outcome} = match | no-match</li>
 * </ul>
 * Option {@code attempts}: comparisons per card before staff help is offered (default 3); option {@code liveness}:
 * required | optional | off (default optional, ADR 0118); option {@code previewFps}: the face screen's live preview
 * rate, 0 (none) – 15, default 10 (ADR 0185).
 */
public final class FaceVerifiers {

    public static final String PLATFORM = "platform";
    public static final String FACESDK = "facesdk";
    public static final String SIMULATOR = "sim";

    /** The threshold a vendor score must reach when the configuration states none. */
    public static final double DEFAULT_THRESHOLD = 0.80;

    private FaceVerifiers() {}

    /**
     * @param platformMatcher the platform's matcher, when the kiosk has one (driver {@code platform})
     * @throws IllegalArgumentException naming what does not fit
     */
    public static FaceVerifier create(String name, String driver, TransportUri camera, Map<String, String> options,
                                      Optional<FaceMatcher> platformMatcher) {
        CameraSource source = camera(camera);
        FaceMatcher matcher = switch (driver) {
            case PLATFORM -> platformMatcher.orElseThrow(() -> new IllegalArgumentException(
                    "driver platform needs the service platform's face verification (an http platform in services.yaml)"));
            case FACESDK -> new VendorFaceSdk(required(options, "library"), threshold(options),
                    VendorFaceSdk.CALL_TIMEOUT);
            case SIMULATOR -> new SimulatedFaceMatcher(outcome(options.getOrDefault("outcome", "match")));
            default -> throw new IllegalArgumentException("unknown face verifier driver \"" + driver
                    + "\" (known: platform, facesdk, sim)");
        };
        return new FaceVerifier(name, source, matcher, attempts(options), liveness(options), previewFps(options));
    }

    static CameraSource camera(TransportUri uri) {
        return switch (uri.scheme()) {
            case "sim" -> new SimulatedCamera(uri);
            case "v4l2" -> new FfmpegCamera(uri); // through an ffmpeg subprocess (ADR 0117)
            default -> throw new IllegalArgumentException("a face verifier's camera is v4l2:/dev/videoN or sim:, got " + uri);
        };
    }

    /** The options' comparisons per card; 1–10, default 3. */
    public static int attempts(Map<String, String> options) {
        String text = options.get("attempts");
        if (text == null) {
            return FaceVerifier.DEFAULT_ATTEMPTS;
        }
        try {
            int attempts = Integer.parseInt(text.trim());
            if (attempts >= 1 && attempts <= 10) {
                return attempts;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("option attempts must be a whole number 1–10, got '" + text + "'");
    }

    /** The options' live preview rate on the face screen; 0 (no preview) – 15, default 10 (ADR 0185). */
    public static int previewFps(Map<String, String> options) {
        String text = options.get("previewFps");
        if (text == null) {
            return CameraPreview.DEFAULT_FPS;
        }
        try {
            int fps = Integer.parseInt(text.trim());
            if (fps >= 0 && fps <= CameraPreview.MAX_FPS) {
                return fps;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("option previewFps must be a whole number 0–" + CameraPreview.MAX_FPS
                + " (0: no live preview), got '" + text + "'");
    }

    /** The options' liveness policy; required | optional | off, default optional. */
    public static FaceLiveness liveness(Map<String, String> options) {
        return FaceLiveness.parse(options.get("liveness"));
    }

    /** The options' threshold; (0, 1], default 0.80. */
    public static double threshold(Map<String, String> options) {
        String text = options.get("threshold");
        if (text == null) {
            return DEFAULT_THRESHOLD;
        }
        try {
            double threshold = Double.parseDouble(text.trim());
            if (threshold > 0 && threshold <= 1) {
                return threshold;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("option threshold must be a number above 0 and at most 1, got '" + text + "'");
    }

    static FaceMatch outcome(String text) {
        return switch (text) {
            case "match" -> FaceMatch.MATCH;
            case "no-match" -> FaceMatch.NO_MATCH;
            default -> throw new IllegalArgumentException("option outcome must be match or no-match, got '" + text + "'");
        };
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("driver facesdk needs the option " + key);
        }
        return value;
    }
}
