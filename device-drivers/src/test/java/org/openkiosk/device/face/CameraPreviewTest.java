package org.openkiosk.device.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.Poll;

/**
 * The face screen's live preview (ADR 0185) with the simulated camera playing files: frames change, only the latest
 * is kept (older ones zeroed), a verification takes its frame from the running preview, and closing stops it
 * without blocking and zeroes what it held.
 */
class CameraPreviewTest {

    @TempDir
    Path images;

    /** Three solid colours, one file each: the preview shows them in turn. */
    private void colours() throws Exception {
        Color[] colours = {new Color(200, 30, 30), new Color(30, 200, 30), new Color(30, 30, 200)};
        for (int i = 0; i < colours.length; i++) {
            BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(colours[i]);
            g.fillRect(0, 0, 320, 240);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 40, 240); // a bar on the camera's left: on the preview's right (a mirror)
            g.dispose();
            Files.write(images.resolve("f" + i + ".png"), SimulatedCamera.png(image));
        }
    }

    private FaceVerifier enabled(String camera, FaceMatcher matcher) throws DeviceException {
        FaceVerifier verifier = new FaceVerifier("faceVerifier", new SimulatedCamera(TransportUri.parse(camera)),
                matcher, 3, FaceLiveness.OPTIONAL, 10);
        verifier.open();
        verifier.claim();
        verifier.enable();
        return verifier;
    }

    @Test
    void thePreviewShowsChangingMirroredFramesThatFitTheBoxAndStopsWhenClosed() throws Exception {
        colours();
        FaceVerifier verifier = enabled("sim:" + images, new SimulatedFaceMatcher(FaceMatch.MATCH));
        AtomicInteger signals = new AtomicInteger();
        CameraPreview preview = verifier.startPreview(15, 160, 160, signals::incrementAndGet);
        Set<Integer> centres = new LinkedHashSet<>();
        List<PreviewFrame> taken = new ArrayList<>();
        Poll.until(Duration.ofSeconds(20), "three different frames", () -> {
            PreviewFrame frame = preview.takeLatest();
            if (frame != null) {
                assertThat(frame.width()).isEqualTo(160);
                assertThat(frame.height()).isEqualTo(120);
                int[] px = frame.argb();
                centres.add(px[60 * 160 + 80]);
                assertThat(px[60 * 160 + 159]).as("the camera's left edge is on the preview's right").isEqualTo(0xFFFFFFFF);
                assertThat(px[60 * 160]).isNotEqualTo(0xFFFFFFFF);
                frame.close();
                taken.add(frame);
            }
            return centres.size() == 3;
        });
        assertThat(signals.get()).isGreaterThanOrEqualTo(3);
        preview.close();
        preview.ended().get(10, TimeUnit.SECONDS);
        assertThat(preview.running()).isFalse();
        assertThat(preview.failure()).isNull();
        assertThat(preview.takeLatest()).as("nothing left after closing").isNull();
        long decoded = preview.framesDecoded();
        assertThat(taken).allSatisfy(f -> assertThat(f.isWiped()).isTrue());
        assertThat(preview.framesDecoded()).as("no frame after the end").isEqualTo(decoded);
        verifier.close();
    }

    @Test
    void onlyTheLatestFrameIsKeptAndReplacedOnesAreZeroed() throws Exception {
        colours();
        FaceVerifier verifier = enabled("sim:" + images, new SimulatedFaceMatcher(FaceMatch.MATCH));
        CameraPreview preview = verifier.startPreview(15, 64, 64, () -> { });
        // nobody takes frames for a while: they are replaced, not queued
        Poll.until(Duration.ofSeconds(20), "frames replaced unshown", () -> preview.framesDropped() >= 3);
        PreviewFrame latest = preview.takeLatest();
        assertThat(latest).isNotNull();
        assertThat(latest.sequence()).isGreaterThanOrEqualTo(4);
        assertThat(latest.isWiped()).isFalse();
        latest.close();
        assertThat(latest.isWiped()).isTrue();
        assertThat(latest.toString()).as("no content in a frame's text").endsWith(", wiped]");
        preview.close();
        preview.ended().get(10, TimeUnit.SECONDS);
        assertThat(preview.takeLatest()).as("nothing kept after the end").isNull();
        verifier.close();
    }

    @Test
    void aVerificationTakesItsFrameFromTheRunningPreviewAndTheFrameIsWiped() throws Exception {
        colours();
        List<FaceImage> compared = new ArrayList<>();
        SimulatedFaceMatcher simulated = new SimulatedFaceMatcher(FaceMatch.MATCH);
        FaceVerifier verifier = enabled("sim:" + images, new FaceMatcher() {
            @Override
            public void check() {}

            @Override
            public FaceMatch compare(FaceImage live, FaceReference reference) throws DeviceException {
                compared.add(live);
                assertThat(Thread.currentThread().getName()).isNotEqualTo("camera preview");
                return simulated.compare(live, reference);
            }

            @Override
            public String description() {
                return "spy";
            }
        });
        CameraPreview preview = verifier.startPreview(10, 64, 64, () -> { });
        Poll.until(Duration.ofSeconds(20), "the preview runs", () -> preview.framesDecoded() >= 1);
        try (FaceReference reference = new FaceReference(IdNumber.parse("11010519491231002X"), new byte[] {1, 2})) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.MATCH);
        }
        assertThat(compared).singleElement().satisfies(f -> assertThat(f.isWiped()).isTrue());
        assertThat(preview.running()).as("the preview goes on after a verification").isTrue();
        preview.close();
        preview.ended().get(10, TimeUnit.SECONDS);
        // without a preview the verifier captures by itself again
        try (FaceReference reference = new FaceReference(IdNumber.parse("11010519491231002X"), new byte[] {1, 2})) {
            assertThat(verifier.verify(reference)).isEqualTo(FaceMatch.MATCH);
        }
        verifier.close();
    }

    @Test
    void aStalledCameraNeverBlocksTheCallerThatStopsThePreview() throws Exception {
        colours();
        // a FIFO named like an image: reading it blocks until someone writes, like a camera that hangs
        Path stalled = images.resolve("f0.png");
        Files.delete(stalled);
        Process mk = new ProcessBuilder("mkfifo", stalled.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        FaceVerifier verifier = enabled("sim:" + images, new SimulatedFaceMatcher(FaceMatch.MATCH));
        CameraPreview preview = verifier.startPreview(10, 64, 64, () -> { });
        Poll.until(Duration.ofSeconds(20), "the preview's thread waiting on the camera", CameraPreviewTest::readingAFile);
        long started = System.nanoTime();
        preview.close(); // the preview's thread is stuck reading the FIFO
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(preview.running()).as("still stuck in the read").isTrue();
        Files.write(stalled, SimulatedCamera.png(SimulatedCamera.drawn(false))); // the camera answers at last
        preview.ended().get(10, TimeUnit.SECONDS);
        assertThat(preview.takeLatest()).isNull();
        assertThat(preview.framesDecoded()).as("a frame read after the stop is not shown").isZero();
        verifier.close();
    }

    /** Whether the preview's thread is inside a file read (opening or reading the FIFO). */
    static boolean readingAFile() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("camera preview"))
                .anyMatch(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("sun.nio.fs") || f.getMethodName().equals("readAllBytes")));
    }

    @Test
    void anUnpluggedCameraEndsThePreviewWithTheReason() throws Exception {
        FaceVerifier verifier = new FaceVerifier("faceVerifier", new SimulatedCamera(TransportUri.parse("sim:unplugged")),
                new SimulatedFaceMatcher(FaceMatch.MATCH), 3);
        assertThatThrownBy(() -> verifier.startPreview(10, 64, 64, () -> { }))
                .hasMessageContaining("cannot show a camera preview while CLOSED");
        CameraPreview preview = new CameraPreview(new SimulatedCamera(TransportUri.parse("sim:unplugged")), 10, 64, 64,
                () -> { });
        preview.start(java.util.concurrent.CompletableFuture.completedFuture(null));
        preview.ended().get(10, TimeUnit.SECONDS);
        assertThat(preview.failure()).hasMessage("simulated: no camera found");
    }

    @Test
    void thePreviewRateIsAnOption() {
        TransportUri sim = TransportUri.parse("sim:");
        assertThat(FaceVerifiers.create("faceVerifier", "sim", sim, Map.of(), Optional.empty()).previewFps()).isEqualTo(10);
        assertThat(FaceVerifiers.create("faceVerifier", "sim", sim, Map.of("previewFps", "0"), Optional.empty())
                .previewFps()).isZero();
        assertThatThrownBy(() -> FaceVerifiers.create("faceVerifier", "sim", sim, Map.of("previewFps", "30"),
                Optional.empty())).hasMessageContaining("previewFps must be a whole number 0–15");
    }
}
