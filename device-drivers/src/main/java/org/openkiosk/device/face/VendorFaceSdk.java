package org.openkiosk.device.face;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.NativeLibrary;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.NativeCaller;
import org.openkiosk.device.transport.ReadTimeoutException;

/**
 * A face comparison SDK on the kiosk, called through JNA like the sdtapi card reader. The vendor library
 * decodes the card's WLT photo itself (with its licensed decoder: we never guess at the format) and compares
 * it with the live frame; this adapter applies the configured threshold to the score it returns. Driver
 * {@code facesdk}, options {@code library} (path of the .so) and {@code threshold} (0–1, default 0.80).
 *
 * <p>Entry points (a thin C shim maps a particular vendor's API onto these when its names differ):
 * <pre>
 * int FACE_Init(void);                              0 = ready
 * int FACE_CompareWithCardPhoto(const unsigned char *live, int liveLength,
 *                               const unsigned char *cardPhoto, int cardPhotoLength, float *score);
 *     0 = compared (score 0–1), 1 = no face in the live frame, 2 = the card photo cannot be decoded, other = fault
 * void FACE_Release(void);
 * int FACE_Liveness(const unsigned char *live, int liveLength, int *isLive);     optional (ADR 0118)
 *     0 = assessed (*isLive 1 = a live face, 0 = a photo or screen), 1 = no face, other = fault
 * </pre>
 * {@code FACE_Liveness} is looked up when the library loads; where it exists it runs before each comparison
 * (unless {@code options.liveness: off}), and a frame that is not live is {@link FaceMatch#NOT_LIVE}.
 */
public final class VendorFaceSdk implements FaceMatcher {

    /** The vendor entry points we use. */
    public interface FaceSdkLibrary extends Library {
        int FACE_Init();

        int FACE_CompareWithCardPhoto(Pointer live, int liveLength, Pointer cardPhoto, int cardPhotoLength,
                                      FloatByReference score);

        void FACE_Release();

        /** Present only in SDKs with a liveness check; see {@link #offersLiveness()}. */
        int FACE_Liveness(Pointer live, int liveLength, IntByReference isLive);
    }

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final int OK = 0;
    private static final int NO_FACE = 1;
    private static final int CARD_PHOTO_UNREADABLE = 2;

    private final String libraryPath;
    private final double threshold;
    private final NativeCaller caller;
    private FaceSdkLibrary library;
    private boolean hasLiveness;
    private boolean initialised;

    public VendorFaceSdk(String libraryPath, double threshold, Duration callTimeout) {
        this.libraryPath = Objects.requireNonNull(libraryPath, "libraryPath");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in (0, 1], got " + threshold);
        }
        this.threshold = threshold;
        this.caller = new NativeCaller("facesdk", description(), callTimeout);
    }

    @Override
    public synchronized void check() throws DeviceException {
        try {
            ensureReady();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized boolean offersLiveness() {
        return hasLiveness;
    }

    @Override
    public synchronized FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException {
        return compare(live, reference, FaceLiveness.OPTIONAL);
    }

    @Override
    public synchronized FaceMatch compare(FaceImage live, FaceReference reference, FaceLiveness liveness)
            throws DeviceException {
        if (!reference.hasCardPhoto()) {
            throw new DeviceException("facesdk compares with the card photo, but the reader delivered none",
                    RecommendedAction.REMOVE_AND_REPLACE_CARD, true);
        }
        FloatByReference score = new FloatByReference();
        int rc;
        // our own native copies, so that they can be zeroed (JNA's temporary copies of a byte[] are not)
        Memory frame = copy(live.bytes());
        Memory photo = copy(reference.cardPhoto());
        boolean returned = false;
        try {
            ensureReady();
            if (liveness == FaceLiveness.REQUIRED && !hasLiveness) {
                returned = true;
                throw new DeviceException(description() + " has no FACE_Liveness, but options.liveness is required",
                        RecommendedAction.CHECK_CONFIGURATION, false);
            }
            if (liveness != FaceLiveness.OFF && hasLiveness) {
                IntByReference isLive = new IntByReference(-1);
                int lc = caller.call("FACE_Liveness", () -> library.FACE_Liveness(frame, (int) frame.size(), isLive));
                if (lc == NO_FACE) {
                    returned = true;
                    return FaceMatch.NO_FACE;
                }
                if (lc != OK || (isLive.getValue() != 0 && isLive.getValue() != 1)) {
                    returned = true;
                    throw new DeviceException("facesdk FACE_Liveness failed with code " + lc,
                            RecommendedAction.CALL_MAINTENANCE, false);
                }
                if (isLive.getValue() == 0) {
                    returned = true;
                    return FaceMatch.NOT_LIVE;
                }
            }
            rc = caller.call("FACE_CompareWithCardPhoto", () -> library.FACE_CompareWithCardPhoto(frame,
                    (int) frame.size(), photo, (int) photo.size(), score));
            returned = true;
        } catch (IOException e) {
            returned = !(e instanceof ReadTimeoutException);
            throw failure(e);
        } finally {
            if (returned) { // a call that overran may still read them: leave them to the garbage collector
                frame.clear();
                photo.clear();
                frame.close();
                photo.close();
            }
        }
        return switch (rc) {
            case OK -> score.getValue() >= threshold ? FaceMatch.MATCH : FaceMatch.NO_MATCH;
            case NO_FACE -> FaceMatch.NO_FACE;
            case CARD_PHOTO_UNREADABLE -> throw new DeviceException("facesdk cannot decode the card photo",
                    RecommendedAction.REMOVE_AND_REPLACE_CARD, true);
            default -> throw new DeviceException("facesdk FACE_CompareWithCardPhoto failed with code " + rc,
                    RecommendedAction.CALL_MAINTENANCE, false);
        };
    }

    private static Memory copy(byte[] bytes) {
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    private void ensureReady() throws IOException {
        if (initialised) {
            return;
        }
        caller.start(); // refuses while a call that overran is still inside the library
        if (library == null) {
            try {
                library = Native.load(libraryPath, FaceSdkLibrary.class);
            } catch (UnsatisfiedLinkError e) {
                throw new IOException("cannot load the face SDK " + libraryPath + ": " + e.getMessage(), e);
            }
            try {
                NativeLibrary.getInstance(libraryPath).getFunction("FACE_Liveness");
                hasLiveness = true;
            } catch (UnsatisfiedLinkError e) {
                hasLiveness = false; // an SDK without liveness: compare only
            }
        }
        int rc = caller.call("FACE_Init", () -> library.FACE_Init());
        if (rc != OK) {
            throw new IOException("facesdk FACE_Init failed with code " + rc + " (licence, model files?)");
        }
        initialised = true;
    }

    private DeviceException failure(IOException e) {
        if (e instanceof ReadTimeoutException) {
            initialised = false; // initialise again once the stuck call has returned
            return new DeviceException(e.getMessage(), RecommendedAction.RETRY, true, e);
        }
        return new DeviceException(e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e);
    }

    @Override
    public String description() {
        return "facesdk " + libraryPath + " (threshold " + threshold + ")";
    }

    @Override
    public synchronized void close() {
        if (initialised) {
            try {
                caller.call("FACE_Release", () -> {
                    library.FACE_Release();
                    return 0;
                });
            } catch (IOException ignored) {
                // released or not, the library is left alone from now on
            }
        }
        initialised = false;
        caller.stop();
    }
}
