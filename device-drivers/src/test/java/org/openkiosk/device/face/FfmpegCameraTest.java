package org.openkiosk.device.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;
import org.openkiosk.testsupport.HeapDump;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The V4L2 camera's capture path with the real tool: FFmpeg's synthetic sources stand in for {@code /dev/videoN}
 * (the same process, FIFO, MJPEG parsing, deadline and clean-up; only the input differs).
 */
class FfmpegCameraTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @BeforeEach
    void ffmpeg() {
        RequiredTool.command(FfmpegCamera.TOOL, FfmpegCamera.DEBIAN_PACKAGE);
    }

    private static List<String> synthetic(String source) {
        return List.of("-f", "lavfi", "-i", source);
    }

    private static FfmpegCamera camera(List<String> command, int warmup, Duration timeout) {
        return new FfmpegCamera("synthetic camera", null, command,
                new FfmpegCamera.Settings(320, warmup, timeout, 2048 * 1024));
    }

    @Test
    void theCaptureIsTheFrameAfterTheWarmUpFramesAndTheToolIsGoneAfterwards() throws Exception {
        String source = "testsrc=size=320x240:rate=25";
        FfmpegCamera camera = camera(FfmpegCamera.command(synthetic(source), settings(2)), 2, Duration.ofSeconds(20));
        camera.check();
        List<byte[]> reference = reference(source, 3);
        try (FaceImage image = camera.capture()) {
            assertThat(image.mediaType()).isEqualTo("image/jpeg");
            assertThat(image.bytes()).isEqualTo(reference.get(2)).isNotEqualTo(reference.get(1));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
            assertThat(decoded.getWidth()).isEqualTo(320);
            assertThat(decoded.getHeight()).isEqualTo(240);
        }
        assertNoChildProcesses();
    }

    @Test
    void everyFrameTheCameraReadIsGoneFromTheHeapOnceTheImageIsClosed() throws Exception {
        // a random picture per run, so that no other test's garbage can hold the same bytes
        String source = "cellauto=random_seed=" + (1 + random.nextInt(1_000_000_000)) + ":size=320x240:rate=25";
        Needles needles = new Needles(reference(source, 4), random);
        FfmpegCamera camera = camera(FfmpegCamera.command(synthetic(source), settings(3)), 3, Duration.ofSeconds(20));
        try (FaceImage image = camera.capture()) {
            assertThat(image.length()).isGreaterThan(1000);
        }
        assertNoChildProcesses();
        assertThat(needles.foundIn(dump())).as("frame bytes left in the heap").isEmpty();
    }

    @Test
    void thePreviewRunsOneToolThatTheVerificationSharesAndNoPreviewFrameIsLeftInTheHeap() throws Exception {
        // ADR 0185: one long-running ffmpeg for the preview (a V4L2 camera streams to one reader); the capture is a
        // frame of that stream after the warm-up; decoded and scaled preview pixels are zeroed like the frames
        String source = "cellauto=random_seed=" + (1 + random.nextInt(1_000_000_000)) + ":size=320x240:rate=25";
        List<String> input = new ArrayList<>(List.of("-re"));
        input.addAll(synthetic(source));
        FfmpegCamera.Settings settings = settings(2);
        List<byte[]> reference = streamReference(synthetic(source), settings, 30);
        List<byte[]> pixels = new ArrayList<>();
        List<byte[]> rgbRows = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            byte[] rgb = rgbRow(reference.get(i), 120); // the JDK's own decoding, before ours runs
            if (rgb != null) {
                rgbRows.add(rgb);
            }
            try (FaceImage encoded = new FaceImage(reference.get(i).clone(), "image/jpeg");
                 PreviewFrame decoded = PreviewDecoder.decode(encoded, 200, 200, i + 1)) {
                int[] argb = decoded.argb();
                int at = varied(argb, (decoded.height() / 2) * decoded.width(), decoded.width());
                if (at < 0) {
                    continue; // a plain row would match any plain picture
                }
                byte[] row = new byte[64];
                for (int k = 0; k < 16; k++) {
                    int v = argb[at + k];
                    row[4 * k] = (byte) (v >> 24); // big-endian, as HPROF writes an int[]
                    row[4 * k + 1] = (byte) (v >> 16);
                    row[4 * k + 2] = (byte) (v >> 8);
                    row[4 * k + 3] = (byte) v;
                }
                pixels.add(row);
            }
        }
        Needles needles = new Needles(reference, random);
        assertThat(pixels).hasSizeGreaterThan(10);
        Needles pixelNeedles = new Needles(pixels, random, true);
        assertThat(rgbRows).hasSizeGreaterThan(10);
        Needles rgbNeedles = new Needles(rgbRows, random, true);
        FfmpegCamera camera = new FfmpegCamera("synthetic camera", null, FfmpegCamera.command(input, settings), input,
                settings);
        FaceVerifier verifier = new FaceVerifier("faceVerifier", camera, new SimulatedFaceMatcher(FaceMatch.MATCH), 3,
                FaceLiveness.OPTIONAL, 10);
        verifier.open();
        verifier.claim();
        verifier.enable();
        CameraPreview preview = verifier.startPreview(10, 200, 200, () -> { });
        List<Long> sequences = new ArrayList<>();
        org.openkiosk.testsupport.Poll.until(Duration.ofSeconds(30), "preview frames", () -> {
            PreviewFrame frame = preview.takeLatest();
            if (frame != null) {
                assertThat(frame.width()).isEqualTo(200);
                assertThat(frame.height()).isEqualTo(150);
                sequences.add(frame.sequence());
                frame.close();
            }
            return sequences.size() >= 4;
        });
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
                .as("one tool for preview and capture").isEqualTo(1);
        try (FaceReference photo = new FaceReference(org.openkiosk.device.idcard.IdNumber.parse("11010519491231002X"),
                new byte[] {1})) {
            assertThat(verifier.verify(photo)).isEqualTo(FaceMatch.MATCH);
        }
        assertThat(preview.running()).isTrue();
        preview.close();
        preview.ended().get(10, TimeUnit.SECONDS);
        assertThat(preview.failure()).isNull();
        verifier.close();
        assertNoChildProcesses();
        Path dump = dump();
        assertThat(needles.foundIn(dump)).as("preview or capture frame bytes left in the heap").isEmpty();
        assertThat(pixelNeedles.foundIn(dump)).as("decoded preview pixels left in the heap").isEmpty();
        assertThat(rgbNeedles.foundIn(dump)).as("decoded frames' RGB lines left in the heap").isEmpty();
    }

    @Test
    void decodingAPreviewFrameLeavesNoDecodedLineOfItInTheHeap() throws Exception {
        // ADR 0185, addendum 2: ImageReader.read copied every decoded line into a new array of RGB bytes (garbage,
        // never zeroed); the raw read leaves none. The needles are the JDK's own decoding of rows across each frame.
        String source = "cellauto=random_seed=" + (1 + random.nextInt(1_000_000_000)) + ":size=320x240:rate=25";
        List<byte[]> frames = reference(source, 4);
        List<byte[]> rows = new ArrayList<>();
        for (byte[] frame : frames) {
            for (int y : new int[] {60, 120, 180}) {
                byte[] row = rgbRow(frame, y);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        assertThat(rows).hasSizeGreaterThan(6);
        Needles needles = new Needles(rows, random, true);
        for (int i = 0; i < frames.size(); i++) {
            try (FaceImage encoded = new FaceImage(frames.get(i), "image/jpeg");
                 PreviewFrame decoded = PreviewDecoder.decode(encoded, 200, 200, i + 1)) {
                assertThat(decoded.width()).isEqualTo(200);
                assertThat(decoded.height()).isEqualTo(150);
            }
        }
        assertThat(needles.foundIn(dump())).as("decoded RGB lines left in the heap").isEmpty();
    }

    @Test
    void aCameraFrameShowsTheColoursOfTheJdksOwnDecoding() throws Exception {
        byte[] frame = reference("testsrc2=size=320x240:rate=25", 1).get(0);
        assertThat(PreviewDecoder.Colours.of(frame)).isEqualTo(PreviewDecoder.Colours.YCBCR);
        int[] jdk = PreviewDecoderTest.jdkArgb(frame, 1);
        // the reference is what ImageIO.read shows
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(frame));
        int[] shown = read.getRGB(0, 0, 320, 240, null, 0, 320);
        assertThat(java.util.stream.IntStream.range(0, shown.length).filter(i -> (shown[i] & 0xFFFFFF) != jdk[i])
                .findFirst()).as("first pixel where the reference differs from ImageIO.read").isEmpty();
        try (FaceImage image = new FaceImage(frame, "image/jpeg");
             PreviewFrame full = PreviewDecoder.decode(image, 320, 240, 1);
             PreviewFrame half = PreviewDecoder.decode(image, 160, 120, 2)) {
            PreviewDecoderTest.assertSameAsJdk(full, jdk, 1);
            PreviewDecoderTest.assertSameAsJdk(half, PreviewDecoderTest.jdkArgb(frame, 2), 1);
        }
    }

    @Test
    void aToolThatDiesInTheMiddleOfAFrameIsACleanRetryableFailure() throws Exception {
        RequiredTool.command("head", "coreutils");
        List<String> ffmpeg = FfmpegCamera.command(synthetic("testsrc=size=320x240:rate=25"), settings(2));
        String pipeline = String.join(" ", ffmpeg) + " | head -c 20000"; // frame 0 whole, frame 1 cut off
        FfmpegCamera camera = camera(List.of("sh", "-c", pipeline), 2, Duration.ofSeconds(20));
        assertThatThrownBy(camera::capture).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.getMessage()).contains("the stream ended inside a frame");
            assertThat(e.action()).isEqualTo(RecommendedAction.RECONNECT);
            assertThat(e.retryable()).isTrue();
        });
        assertNoChildProcesses();
    }

    @Test
    void aToolThatFailsBeforeAnyFrameIsReportedWithItsOwnWords() throws Exception {
        FfmpegCamera camera = camera(FfmpegCamera.command(synthetic("nosuchsource"), settings(0)), 0, Duration.ofSeconds(20));
        assertThatThrownBy(camera::capture).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.getMessage()).contains("ffmpeg gave no frame", "stream ended after 0 frame(s)", "exit 1",
                    "nosuchsource");
        });
        assertNoChildProcesses();
    }

    @Test
    void aCameraThatStallsIsKilledAtTheDeadline() throws Exception {
        List<String> slow = new ArrayList<>(List.of("-re"));
        slow.addAll(synthetic("testsrc=size=320x240:rate=1"));
        FfmpegCamera camera = camera(FfmpegCamera.command(slow, settings(5)), 5, Duration.ofSeconds(1));
        long started = System.nanoTime();
        assertThatThrownBy(camera::capture).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("the camera gave no frame within 1 s");
            assertThat(e.action()).isEqualTo(RecommendedAction.RETRY);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertNoChildProcesses();
    }

    @Test
    void aToolThatCannotStartLeavesNothingWaiting() {
        FfmpegCamera camera = new FfmpegCamera("missing tool", null, List.of(dir.resolve("no-such-ffmpeg").toString()),
                settings(0));
        assertThatThrownBy(camera::capture).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION));
    }

    @Test
    void aMissingDeviceIsReportedBeforeAnythingRuns() {
        FfmpegCamera camera = new FfmpegCamera(TransportUri.parse("v4l2:/dev/video97?width=480&warmupFrames=2"));
        assertThat(camera.description()).isEqualTo("ffmpeg v4l2 camera /dev/video97 (480 px wide, 2 warm-up frames)");
        assertThatThrownBy(camera::check).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("no camera at /dev/video97 (unplugged, or another /dev/videoN?)");
            assertThat(e.action()).isEqualTo(RecommendedAction.RECONNECT);
        });
        FaceVerifier verifier = FaceVerifiers.create("faceVerifier", "sim", TransportUri.parse("v4l2:/dev/video97"),
                Map.of(), Optional.empty());
        assertThatThrownBy(verifier::open).isInstanceOf(DeviceException.class);
    }

    @Test
    void badCameraParametersAreRefusedWhenTheDeviceIsBuilt() {
        assertThatThrownBy(() -> new FfmpegCamera(TransportUri.parse("v4l2:/dev/video0?fps=30")))
                .hasMessageContaining("unknown camera parameter \"fps\"");
        assertThatThrownBy(() -> new FfmpegCamera(TransportUri.parse("v4l2:/dev/video0?warmupFrames=99")))
                .hasMessageContaining("warmupFrames must be 0–60");
        assertThatThrownBy(() -> new FfmpegCamera(TransportUri.parse("v4l2:/dev/video0?inputFormat=mjpeg;rm")))
                .hasMessageContaining("bad inputFormat");
    }

    @Test
    void theSplitterRefusesOversizedFramesAndBytesThatAreNotJpeg() throws Exception {
        byte[] big = new byte[40_000];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        big[3] = (byte) 0xFE; // a comment segment …
        big[4] = (byte) 0xFF;
        big[5] = (byte) 0xFF; // … 65535 bytes long: never ends within 16 KiB
        try (JpegStream stream = new JpegStream(new ByteArrayInputStream(big), 16 * 1024)) {
            assertThatThrownBy(stream::next).hasMessageContaining("larger than 16384 bytes");
        }
        try (JpegStream stream = new JpegStream(new ByteArrayInputStream("<html>".getBytes()), 16 * 1024)) {
            assertThatThrownBy(stream::next).hasMessageContaining("not a JPEG frame");
        }
        try (JpegStream stream = new JpegStream(new ByteArrayInputStream(new byte[0]), 16 * 1024)) {
            assertThat(stream.next()).isNull();
        }
    }

    private static FfmpegCamera.Settings settings(int warmup) {
        return new FfmpegCamera.Settings(320, warmup, Duration.ofSeconds(20), 2048 * 1024);
    }

    /** Where in the row {@code [start, start + width)} 16 pixels in a row hold at least 6 different values, or -1. */
    private static int varied(int[] argb, int start, int width) {
        for (int at = start; at + 16 <= start + width; at++) {
            if (Arrays.stream(argb, at, at + 16).distinct().count() >= 6) {
                return at;
            }
        }
        return -1;
    }

    /**
     * 64 bytes of row {@code y} of the JDK's own decoding of a 320×240 frame (R, G, B, as its reader's lines hold
     * them) where they vary, or null; the decoding itself is zeroed and leaves no copy (see
     * {@link PreviewDecoderTest#jdkRgb}).
     */
    private static byte[] rgbRow(byte[] jpeg, int y) throws IOException {
        byte[] rgb = PreviewDecoderTest.jdkRgb(jpeg, 1);
        try {
            assertThat(rgb).hasSize(320 * 240 * 3);
            for (int x = 0; x + 22 <= 320; x++) {
                int start = (y * 320 + x) * 3;
                boolean[] seen = new boolean[256];
                int distinct = 0;
                for (int i = start; i < start + 64; i++) {
                    if (!seen[rgb[i] & 0xFF]) {
                        seen[rgb[i] & 0xFF] = true;
                        distinct++;
                    }
                }
                if (distinct >= 12) {
                    return Arrays.copyOfRange(rgb, start, start + 64); // zeroed by Needles
                }
            }
            return null;
        } finally {
            Arrays.fill(rgb, (byte) 0);
        }
    }

    /** The preview stream's first frames (the same command, ended after {@code count} frames). */
    private List<byte[]> streamReference(List<String> input, FfmpegCamera.Settings settings, int count) throws Exception {
        List<String> command = new ArrayList<>(FfmpegCamera.streamCommand(input, settings, 10));
        command.addAll(command.size() - 1, List.of("-frames:v", String.valueOf(count)));
        return reference(command, count);
    }

    /** The source's first frames, written by ffmpeg to a file and split by the JPEG structure. */
    private List<byte[]> reference(String source, int count) throws Exception {
        return reference(new ArrayList<>(FfmpegCamera.command(synthetic(source), settings(count - 1))), count);
    }

    private List<byte[]> reference(List<String> command, int count) throws Exception {
        Path file = dir.resolve("reference.mjpeg");
        Files.deleteIfExists(file);
        command = new ArrayList<>(command);
        command.set(command.size() - 1, file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log"))).isZero();
        byte[] all = Files.readAllBytes(file);
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            byte[] rest = Arrays.copyOfRange(all, at, all.length);
            int end = JpegStream.frameEnd(rest, rest.length);
            Arrays.fill(rest, (byte) 0);
            frames.add(Arrays.copyOfRange(all, at, at + end));
            at += end;
        }
        Arrays.fill(all, (byte) 0);
        assertThat(frames).hasSize(count);
        return frames;
    }

    private static void assertNoChildProcesses() {
        List<String> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().command().orElse("?")).toList();
        assertThat(alive).as("processes the camera left behind").isEmpty();
    }

    private Path dump() throws IOException {
        Path dump = dir.resolve("heap.hprof");
        return HeapDump.write(dump);
    }

    /** 64-byte slices of every frame, kept only XOR-masked; the plain frames are zeroed at once. */
    private static final class Needles {
        private final byte[] key = new byte[64];
        private final List<byte[]> masked = new ArrayList<>();
        private final boolean whole;

        Needles(List<byte[]> frames, SecureRandom random) {
            this(frames, random, false);
        }

        /** @param whole each "frame" is itself one 64-byte needle (decoded pixels) */
        Needles(List<byte[]> frames, SecureRandom random, boolean whole) {
            this.whole = whole;
            random.nextBytes(key);
            for (byte[] frame : frames) {
                for (int offset : whole ? new int[] {0} : new int[] {frame.length / 2, frame.length - 200}) {
                    byte[] needle = new byte[64];
                    for (int i = 0; i < 64; i++) {
                        needle[i] = (byte) (frame[offset + i] ^ key[i]);
                    }
                    masked.add(needle);
                }
                Arrays.fill(frame, (byte) 0);
            }
        }

        List<String> foundIn(Path dump) throws IOException {
            return HeapDump.search(dump, masked, key).stream()
                    .map(f -> (whole ? "needle " + f.needle() : "frame " + f.needle() / 2 + " slice " + f.needle() % 2)
                            + " at dump offset " + f.offset())
                    .toList();
        }
    }
}
