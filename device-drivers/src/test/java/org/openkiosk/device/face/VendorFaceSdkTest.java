package org.openkiosk.device.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.FakeNativeLibrary;
import org.openkiosk.testsupport.Poll;

/** The face SDK adapter through JNA against a fake vendor library that this test compiles with gcc. */
class VendorFaceSdkTest {

    /** The fake's control functions. */
    interface FakeControls extends Library {
        void FAKE_Set(int scenario, float score);

        int FAKE_Initialised();

        int FAKE_Released();

        int FAKE_LastLiveLength();

        int FAKE_LastCardLength();

        int FAKE_LastLiveSum();
    }

    private static Path library;
    private static FakeControls fake;

    @BeforeAll
    static void buildFakeLibrary() throws Exception {
        library = FakeNativeLibrary.build("src/test/c/fake_facesdk.c", "libfakefacesdk.so");
        fake = Native.load(library.toString(), FakeControls.class);
    }

    @BeforeEach
    void reset() {
        fake.FAKE_Set(0, 0.9f);
    }

    @Test
    void aScoreAtTheThresholdMatchesAndBelowItDoesNot() throws Exception {
        try (VendorFaceSdk sdk = new VendorFaceSdk(library.toString(), 0.8, Duration.ofSeconds(2))) {
            sdk.check();
            assertThat(fake.FAKE_Initialised()).isEqualTo(1);
            fake.FAKE_Set(0, 0.8f);
            assertThat(compare(sdk)).isEqualTo(FaceMatch.MATCH);
            fake.FAKE_Set(0, 0.79f);
            assertThat(compare(sdk)).isEqualTo(FaceMatch.NO_MATCH);
        }
        assertThat(fake.FAKE_Released()).as("FACE_Release called on close").isEqualTo(1);
    }

    @Test
    void theLibraryGetsTheLiveFrameAndTheCardPhotoAsTheyAre() throws Exception {
        byte[] frame = {1, 2, 3, 4, 5};
        try (VendorFaceSdk sdk = new VendorFaceSdk(library.toString(), 0.8, Duration.ofSeconds(2));
             FaceImage live = new FaceImage(frame, "image/jpeg");
             FaceReference reference = reference()) {
            sdk.compare(live, reference);
        }
        assertThat(fake.FAKE_LastLiveLength()).isEqualTo(5);
        assertThat(fake.FAKE_LastLiveSum()).isEqualTo(15);
        assertThat(fake.FAKE_LastCardLength()).isEqualTo(1024);
        assertThat(frame).as("the frame is wiped when closed").containsOnly(0);
    }

    @Test
    void noFaceAndLibraryFailuresAreNamed() throws Exception {
        try (VendorFaceSdk sdk = new VendorFaceSdk(library.toString(), 0.8, Duration.ofSeconds(2))) {
            fake.FAKE_Set(1, 0);
            assertThat(compare(sdk)).isEqualTo(FaceMatch.NO_FACE);
            fake.FAKE_Set(2, 0);
            assertThatThrownBy(() -> compare(sdk)).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.getMessage()).contains("cannot decode the card photo");
                assertThat(e.action()).isEqualTo(RecommendedAction.REMOVE_AND_REPLACE_CARD);
            });
            fake.FAKE_Set(3, 0);
            assertThatThrownBy(() -> compare(sdk)).hasMessageContaining("failed with code 7");
        }
    }

    @Test
    void aFailingInitialisationAndAMissingLibraryAreConfigurationProblems() {
        fake.FAKE_Set(5, 0);
        try (VendorFaceSdk sdk = new VendorFaceSdk(library.toString(), 0.8, Duration.ofSeconds(2))) {
            assertThatThrownBy(sdk::check).hasMessageContaining("FACE_Init failed with code 17");
        }
        try (VendorFaceSdk missing = new VendorFaceSdk("/nonexistent/libface.so", 0.8, Duration.ofSeconds(2))) {
            assertThatThrownBy(missing::check).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.getMessage()).contains("cannot load the face SDK /nonexistent/libface.so");
                assertThat(e.action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION);
            });
        }
    }

    @Test
    void aHangingComparisonTimesOutAndTheSdkIsUsableOnceItReturned() throws Exception {
        try (VendorFaceSdk sdk = new VendorFaceSdk(library.toString(), 0.8, Duration.ofMillis(200))) {
            sdk.check();
            fake.FAKE_Set(4, 0.9f);
            assertThatThrownBy(() -> compare(sdk)).isInstanceOfSatisfying(DeviceException.class, e -> {
                assertThat(e.getMessage()).contains("FACE_CompareWithCardPhoto did not return within 200 ms");
                assertThat(e.retryable()).isTrue();
            });
            fake.FAKE_Set(0, 0.9f);
            // the fake's comparison sleeps 1 s; until it returned the SDK refuses to be entered again
            Poll.until(Duration.ofSeconds(5), "the hanging comparison returned", () -> {
                try {
                    sdk.check();
                    return true;
                } catch (DeviceException stillInside) {
                    return false;
                }
            });
            assertThat(compare(sdk)).isEqualTo(FaceMatch.MATCH);
        }
    }

    @Test
    void theFacesdkDriverIsBuiltFromItsOptions() throws Exception {
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", "facesdk", TransportUri.parse("sim:"),
                Map.of("library", library.toString(), "threshold", "0.95", "attempts", "2"), Optional.empty());
        assertThat(verifier.description()).contains("facesdk").contains("threshold 0.95").contains("simulated camera");
        assertThat(verifier.attempts()).isEqualTo(2);
        verifier.open();
        verifier.claim();
        verifier.enable();
        fake.FAKE_Set(0, 0.9f);
        try (FaceReference reference = reference()) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.NO_MATCH);
        }
        verifier.close();
    }

    /** The fake with the optional FACE_Liveness entry point. */
    interface FakeLivenessControls extends Library {
        void FAKE_Set(int scenario, float score);

        void FAKE_SetLive(int verdict);

        int FAKE_LivenessCalls();
    }

    @Test
    void anSdkWithLivenessChecksItBeforeComparingAndAPhotoIsNotLive() throws Exception {
        Path withLiveness = FakeNativeLibrary.build("src/test/c/fake_facesdk_liveness.c", "libfakefacesdklive.so");
        FakeLivenessControls live = Native.load(withLiveness.toString(), FakeLivenessControls.class);
        live.FAKE_Set(0, 0.9f);
        try (VendorFaceSdk sdk = new VendorFaceSdk(withLiveness.toString(), 0.8, Duration.ofSeconds(2))) {
            sdk.check();
            assertThat(sdk.offersLiveness()).isTrue();
            live.FAKE_SetLive(1);
            assertThat(compare(sdk, FaceLiveness.REQUIRED)).isEqualTo(FaceMatch.MATCH);
            live.FAKE_SetLive(0); // a photo held up: not compared at all
            assertThat(compare(sdk, FaceLiveness.OPTIONAL)).isEqualTo(FaceMatch.NOT_LIVE);
            live.FAKE_SetLive(-1);
            assertThat(compare(sdk, FaceLiveness.REQUIRED)).isEqualTo(FaceMatch.NO_FACE);
            live.FAKE_SetLive(6);
            assertThatThrownBy(() -> compare(sdk, FaceLiveness.REQUIRED)).hasMessageContaining("FACE_Liveness failed with code 6");
            int calls = live.FAKE_LivenessCalls();
            live.FAKE_SetLive(0);
            assertThat(compare(sdk, FaceLiveness.OFF)).as("off: not asked").isEqualTo(FaceMatch.MATCH);
            assertThat(live.FAKE_LivenessCalls()).isEqualTo(calls);
        }
        // the device: a photo is NOT_LIVE, counted as a verification without a match
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", "facesdk", TransportUri.parse("sim:"),
                Map.of("library", withLiveness.toString(), "liveness", "required"), Optional.empty());
        assertThat(verifier.liveness()).isEqualTo(FaceLiveness.REQUIRED);
        verifier.open();
        verifier.claim();
        verifier.enable();
        live.FAKE_SetLive(0);
        try (FaceReference reference = reference()) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.NOT_LIVE);
        }
        assertThat(verifier.statistics().get(org.openkiosk.device.DeviceStatistics.MATCHES)).isZero();
        verifier.close();
    }

    @Test
    void anSdkWithoutLivenessComparesOnlyAndCannotOpenWhereLivenessIsRequired() throws Exception {
        try (VendorFaceSdk sdk = new VendorFaceSdk(library.toString(), 0.8, Duration.ofSeconds(2))) {
            sdk.check();
            assertThat(sdk.offersLiveness()).isFalse();
            assertThat(compare(sdk, FaceLiveness.OPTIONAL)).isEqualTo(FaceMatch.MATCH);
            assertThatThrownBy(() -> compare(sdk, FaceLiveness.REQUIRED)).isInstanceOfSatisfying(DeviceException.class,
                    e -> assertThat(e.getMessage()).contains("has no FACE_Liveness, but options.liveness is required"));
        }
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", "facesdk", TransportUri.parse("sim:"),
                Map.of("library", library.toString(), "liveness", "required"), Optional.empty());
        assertThatThrownBy(verifier::open).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.getMessage()).contains("offers no liveness check, but options.liveness is required");
            assertThat(e.action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION);
        });
        verifier.close();
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "facesdk", TransportUri.parse("sim:"),
                Map.of("library", library.toString(), "liveness", "maybe"), Optional.empty()))
                .hasMessageContaining("option liveness must be required, optional or off");
    }

    private static FaceMatch compare(VendorFaceSdk sdk, FaceLiveness liveness) throws Exception {
        try (FaceImage live = new FaceImage(new byte[] {9, 9, 9}, "image/jpeg"); FaceReference reference = reference()) {
            return sdk.compare(live, reference, liveness);
        }
    }

    private static FaceMatch compare(VendorFaceSdk sdk) throws Exception {
        try (FaceImage live = new FaceImage(new byte[] {9, 9, 9}, "image/jpeg"); FaceReference reference = reference()) {
            return sdk.compare(live, reference);
        }
    }

    private static FaceReference reference() throws Exception {
        byte[] wlt = new byte[1024];
        Arrays.fill(wlt, (byte) 0x42);
        return new FaceReference(IdNumber.parse("11010519491231002X"), wlt);
    }
}
