package org.openkiosk.device.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.Health;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.transport.TransportUri;

/** The face verifier device: lifecycle, the simulated camera playing files, outcomes, wiping, statistics. */
class FaceVerifierTest {

    @TempDir
    Path images;

    @Test
    void theSimulatedCameraPlaysTheDirectorysImagesInNameOrderAndStartsAgain() throws Exception {
        Files.write(images.resolve("b.png"), SimulatedCamera.png(SimulatedCamera.drawn(true)));
        Files.write(images.resolve("a.jpg"), new byte[] {1, 2, 3});
        Files.writeString(images.resolve("notes.txt"), "not an image");
        SimulatedCamera camera = new SimulatedCamera(TransportUri.parse("sim:" + images));
        camera.check();
        assertThat(camera.description()).contains("playing images from " + images);
        List<Integer> lengths = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (FaceImage frame = camera.capture()) {
                lengths.add(frame.length());
                types.add(frame.mediaType());
            }
        }
        assertThat(lengths.get(0)).isEqualTo(3);
        assertThat(lengths.get(2)).isEqualTo(3);
        assertThat(types).containsExactly("image/jpeg", "image/png", "image/jpeg");
    }

    @Test
    void aCameraWithoutImagesOrUnpluggedCannotOpen() {
        FaceVerifier empty = verifier("sim:" + images, new SimulatedFaceMatcher(FaceMatch.MATCH));
        assertThatThrownBy(empty::open).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.getMessage()).contains("no .jpg or .png image in"));
        assertThat(empty.health().health()).isEqualTo(Health.OFFLINE);

        FaceVerifier unplugged = verifier("sim:unplugged", new SimulatedFaceMatcher(FaceMatch.MATCH));
        assertThatThrownBy(unplugged::open).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.action()).isEqualTo(RecommendedAction.RECONNECT));
        assertThat(unplugged.statistics().get(DeviceStatistics.ERRORS)).isEqualTo(1);
    }

    @Test
    void verificationNeedsAnEnabledDevice() throws Exception {
        FaceVerifier verifier = verifier("sim:", new SimulatedFaceMatcher(FaceMatch.MATCH));
        verifier.open();
        try (FaceReference reference = reference()) {
            assertThatThrownBy(() -> verifier.verify(reference)).hasMessageContaining("cannot verify a face while OPENED");
        }
        verifier.close();
        assertThat(verifier.state()).isEqualTo(DeviceState.CLOSED);
    }

    @Test
    void outcomesAreCountedAndTheLiveFrameIsWipedWhateverHappens() throws Exception {
        List<FaceImage> seen = new ArrayList<>();
        SimulatedFaceMatcher simulated = new SimulatedFaceMatcher(FaceMatch.MATCH);
        FaceMatcher spying = new FaceMatcher() {
            @Override
            public void check() {}

            @Override
            public FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException {
                seen.add(live);
                return simulated.compare(live, reference);
            }

            @Override
            public String description() {
                return "spy";
            }
        };
        FaceVerifier verifier = enabled(verifier("sim:", spying));
        List<DeviceEvent> events = new ArrayList<>();
        verifier.addListener(events::add);
        try (FaceReference reference = reference()) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.MATCH);
            simulated.answerNext(FaceMatch.NO_MATCH);
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.NO_MATCH);
            assertThat(verifier.verify(reference)).as("the answer was for one comparison").isEqualTo(FaceMatch.MATCH);
        }
        assertThat(seen).hasSize(3).allSatisfy(frame -> assertThat(frame.isWiped()).isTrue());
        assertThat(verifier.statistics().get(DeviceStatistics.VERIFICATIONS)).isEqualTo(3);
        assertThat(verifier.statistics().get(DeviceStatistics.MATCHES)).isEqualTo(2);
        assertThat(events).noneMatch(e -> e instanceof DeviceEvent.Data<?>); // no frame goes to listeners
        assertThat(verifier.checkHealth(HealthCheckLevel.EXTERNAL).isUsable()).isTrue();
        verifier.close();
    }

    @Test
    void anEmptyFrameHasNoFaceAndAFailingMatcherIsAnErrorWithTheFrameWiped() throws Exception {
        FaceVerifier nobody = enabled(verifier("sim:no-face", new SimulatedFaceMatcher(FaceMatch.MATCH)));
        try (FaceReference reference = reference()) {
            assertThat(nobody.verify(reference)).isEqualTo(FaceMatch.NO_FACE);
        }
        List<FaceImage> seen = new ArrayList<>();
        FaceVerifier failing = enabled(verifier("sim:", new FaceMatcher() {
            @Override
            public void check() {}

            @Override
            public FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException {
                seen.add(live);
                throw new DeviceException("platform unreachable", RecommendedAction.RETRY, true);
            }

            @Override
            public String description() {
                return "failing";
            }
        }));
        try (FaceReference reference = reference()) {
            assertThatThrownBy(() -> failing.verify(reference)).hasMessage("platform unreachable");
        }
        assertThat(seen).singleElement().satisfies(frame -> assertThat(frame.isWiped()).isTrue());
        assertThat(failing.health().health()).isEqualTo(Health.ERROR);
        assertThat(failing.statistics().get(DeviceStatistics.ERRORS)).isEqualTo(1);
    }

    @Test
    void configurationOptionsAreCheckedAndNamed() {
        TransportUri sim = TransportUri.parse("sim:");
        assertThat(FaceVerifiers.create("faceVerifier", "sim", sim, Map.of(), Optional.empty()).attempts()).isEqualTo(3);
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "sim", sim, Map.of("attempts", "0"), Optional.empty()))
                .hasMessageContaining("attempts must be a whole number 1–10");
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "facesdk", sim, Map.of(), Optional.empty()))
                .hasMessageContaining("needs the option library");
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "facesdk", sim,
                Map.of("library", "/x.so", "threshold", "1.5"), Optional.empty())).hasMessageContaining("threshold");
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "platform", sim, Map.of(), Optional.empty()))
                .hasMessageContaining("an http platform");
        assertThat(FaceVerifiers.create("faceVerifier", "sim", TransportUri.parse("v4l2:/dev/video0"),
                Map.of(), Optional.empty()).description()).endsWith("with ffmpeg v4l2 camera /dev/video0 (640 px wide, 5 warm-up frames)");
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "sim", TransportUri.parse("v4l2:/dev/video0?fps=9"),
                Map.of(), Optional.empty())).hasMessageContaining("unknown camera parameter");
    }

    @Test
    void theReferenceIsMaskedAndWipedWhenClosed() throws Exception {
        FaceReference reference = reference();
        assertThat(reference.toString()).doesNotContain("11010519491231002X").contains("1024 bytes");
        reference.close();
        assertThat(reference.cardPhoto()).containsOnly(0);
    }

    private static FaceVerifier verifier(String camera, FaceMatcher matcher) {
        return new FaceVerifier("faceVerifier", new SimulatedCamera(TransportUri.parse(camera)), matcher, 3);
    }

    private static FaceVerifier enabled(FaceVerifier verifier) throws DeviceException {
        verifier.open();
        verifier.claim();
        verifier.enable();
        return verifier;
    }

    private static FaceReference reference() throws Exception {
        byte[] photo = new byte[1024];
        java.util.Arrays.fill(photo, (byte) 7);
        return new FaceReference(IdNumber.parse("11010519491231002X"), photo);
    }
}
