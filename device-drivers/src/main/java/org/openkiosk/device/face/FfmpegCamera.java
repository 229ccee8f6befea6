package org.openkiosk.device.face;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/**
 * A V4L2 camera read through a subprocess of FFmpeg (ADR 0117): {@code ffmpeg -f v4l2 -i /dev/videoN} re-encodes
 * a few frames as MJPEG and writes them, concatenated, to a FIFO that only this process reads; {@link JpegStream}
 * splits them with bounded reads. The first {@code warmupFrames} (auto-exposure settling) are zeroed unread, the
 * next one is the capture. The camera runs only during a capture (its light is on only then), and each capture
 * ends with the tool and anything it started killed and reaped, under a hard deadline.
 *
 * <p>URI {@code v4l2:/dev/video0?width=640&warmupFrames=5&timeoutSeconds=5&maxFrameKiB=2048&inputFormat=mjpeg}
 * (all parameters optional; {@code inputFormat} is v4l2's {@code -input_format}).
 *
 * <p>Why a FIFO rather than the process's stdout pipe: when a process exits, the JDK copies the bytes still in
 * its stdout pipe into an array of its own that nobody can zero; a FIFO is read only by us, into our buffer.
 */
public final class FfmpegCamera implements CameraSource {

    public static final String TOOL = "ffmpeg";
    public static final String DEBIAN_PACKAGE = "ffmpeg";

    /** The capture settings a URI gives. */
    public record Settings(int width, int warmupFrames, Duration timeout, int maxFrameBytes) {
        public Settings {
            if (width < 64 || width > 4096) {
                throw new IllegalArgumentException("width must be 64–4096 pixels, got " + width);
            }
            if (warmupFrames < 0 || warmupFrames > 60) {
                throw new IllegalArgumentException("warmupFrames must be 0–60, got " + warmupFrames);
            }
            if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 60) {
                throw new IllegalArgumentException("timeoutSeconds must be 1–60, got " + timeout.toSeconds());
            }
            if (maxFrameBytes < 16 * 1024 || maxFrameBytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxFrameKiB must be 16–16384, got " + maxFrameBytes / 1024);
            }
        }

        static Settings of(TransportUri uri) {
            return new Settings(uri.intParameter("width").orElse(640), uri.intParameter("warmupFrames").orElse(5),
                    Duration.ofSeconds(uri.intParameter("timeoutSeconds").orElse(5)),
                    uri.intParameter("maxFrameKiB").orElse(2048) * 1024);
        }
    }

    private final String description;
    private final Path device;
    private final List<String> command;
    private final List<String> input;
    private final Settings settings;

    /** A V4L2 camera, {@code v4l2:/dev/videoN?…}. */
    public FfmpegCamera(TransportUri uri) {
        this(uri, v4l2Input(uri), Settings.of(uri));
    }

    private FfmpegCamera(TransportUri uri, List<String> input, Settings settings) {
        this("ffmpeg v4l2 camera " + uri.target() + " (" + settings.width() + " px wide, " + settings.warmupFrames()
                + " warm-up frames)", Path.of(uri.target()), command(input, settings), input, settings);
    }

    /**
     * Any command that writes concatenated JPEGs to its stdout (tests: FFmpeg's synthetic {@code lavfi} source,
     * or that wrapped in a shell that cuts the stream off).
     *
     * @param device the camera device that {@link #check()} requires, or null for none
     */
    FfmpegCamera(String description, Path device, List<String> command, Settings settings) {
        this(description, device, command, null, settings);
    }

    /**
     * @param input FFmpeg's input arguments for the preview's long-running stream ({@link #streamCommand}), or null
     *              to preview by one capture per frame
     */
    FfmpegCamera(String description, Path device, List<String> command, List<String> input, Settings settings) {
        this.description = Objects.requireNonNull(description, "description");
        this.device = device;
        this.command = List.copyOf(command);
        this.input = input == null ? null : List.copyOf(input);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private static List<String> v4l2Input(TransportUri uri) {
        if (!uri.scheme().equals("v4l2") || !uri.target().matches("/dev/[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("a camera URI is v4l2:/dev/videoN, got " + uri);
        }
        List<String> input = new ArrayList<>(List.of("-f", "v4l2"));
        uri.parameters().forEach((key, value) -> {
            switch (key) {
                case "width", "warmupFrames", "timeoutSeconds", "maxFrameKiB" -> { }
                case "inputFormat" -> {
                    if (!value.matches("[a-z0-9_]+")) {
                        throw new IllegalArgumentException("bad inputFormat \"" + value + "\" in " + uri);
                    }
                    input.addAll(List.of("-input_format", value));
                }
                default -> throw new IllegalArgumentException("unknown camera parameter \"" + key + "\" in " + uri
                        + " (known: width, warmupFrames, timeoutSeconds, maxFrameKiB, inputFormat)");
            }
        });
        input.addAll(List.of("-i", uri.target()));
        return input;
    }

    /** The FFmpeg command line: the input, scaled, the warm-up frames plus one, as MJPEG on stdout. */
    static List<String> command(List<String> input, Settings settings) {
        List<String> command = new ArrayList<>(List.of(TOOL, "-hide_banner", "-nostdin", "-loglevel", "error"));
        command.addAll(input);
        command.addAll(List.of("-an", "-vf", "scale=" + settings.width() + ":-2",
                "-frames:v", String.valueOf(settings.warmupFrames() + 1),
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1"));
        return command;
    }

    /**
     * The preview's FFmpeg command (ADR 0185): the same input and size as a capture, thinned to the preview's rate
     * by FFmpeg's {@code fps} filter, without an end: it runs until the preview stops it.
     */
    static List<String> streamCommand(List<String> input, Settings settings, int framesPerSecond) {
        List<String> command = new ArrayList<>(List.of(TOOL, "-hide_banner", "-nostdin", "-loglevel", "error"));
        command.addAll(input);
        command.addAll(List.of("-an", "-vf", "fps=" + framesPerSecond + ",scale=" + settings.width() + ":-2",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1"));
        return command;
    }

    /** The tool on the PATH, or null. */
    public static Path findTool() {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, TOOL))) {
                return Path.of(dir, TOOL);
            }
        }
        return null;
    }

    @Override
    public void check() throws DeviceException {
        if (command.get(0).equals(TOOL) && findTool() == null) {
            throw new DeviceException(TOOL + " is not installed (Debian package " + DEBIAN_PACKAGE + ")",
                    RecommendedAction.CHECK_CONFIGURATION, false);
        }
        if (device != null) {
            if (!Files.exists(device) || Files.isRegularFile(device) || Files.isDirectory(device)) {
                throw new DeviceException("no camera at " + device + " (unplugged, or another /dev/videoN?)",
                        RecommendedAction.RECONNECT, true);
            }
            if (!Files.isReadable(device)) {
                throw new DeviceException("the kiosk user may not read " + device + " (add it to the video group)",
                        RecommendedAction.CHECK_CONFIGURATION, false);
            }
        }
    }

    @Override
    public FaceImage capture() throws DeviceException {
        check();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kiosk-camera"); // rwx------
            return capture(dir);
        } catch (IOException e) {
            throw new DeviceException("cannot run " + command.get(0) + ": " + e.getMessage(),
                    RecommendedAction.CHECK_CONFIGURATION, false, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private FaceImage capture(Path dir) throws IOException, DeviceException {
        Path errors = dir.resolve("stderr");
        Launched launched = launch(command, dir);
        Process process = launched.process();
        CompletableFuture<FileInputStream> reader = launched.reader();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            killTree(process);
        }, CompletableFuture.delayedExecutor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        byte[] frame = null;
        String failure = null;
        try (InputStream in = open(reader); JpegStream frames = new JpegStream(in, settings.maxFrameBytes())) {
            int skipped = 0;
            while (skipped < settings.warmupFrames() && frames.skip()) {
                skipped++;
            }
            frame = skipped == settings.warmupFrames() ? frames.next() : null;
            if (frame == null) {
                failure = "the camera stream ended after " + skipped + " frame(s)";
            }
        } catch (IOException e) {
            failure = e.getMessage();
        } finally {
            deadline.cancel(false);
            killTree(process);
        }
        if (frame != null) {
            return new FaceImage(frame, "image/jpeg");
        }
        if (timedOut.get()) {
            throw new DeviceException("the camera gave no frame within " + settings.timeout().toSeconds() + " s",
                    RecommendedAction.RETRY, true);
        }
        String said = tail(errors);
        throw new DeviceException(command.get(0) + " gave no frame: " + failure + " (exit " + exitCode(process) + ")"
                + (said.isEmpty() ? "" : ": " + said), RecommendedAction.RECONNECT, true);
    }

    private record Launched(Process process, CompletableFuture<FileInputStream> reader) {}

    /** Starts {@code command} with its stdout on a private FIFO in {@code dir}, whose read end opens meanwhile. */
    private static Launched launch(List<String> command, Path dir) throws IOException {
        Path fifo = dir.resolve("frames");
        Path errors = dir.resolve("stderr");
        mkfifo(fifo);
        // opening a FIFO blocks until the other end opens: the reader waits here, the writer is the process's stdout
        CompletableFuture<FileInputStream> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileInputStream(fifo.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "camera fifo open");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            return new Launched(new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(fifo.toFile())
                    .redirectError(errors.toFile())
                    .start(), reader);
        } catch (IOException e) {
            unblock(fifo, reader);
            throw e;
        }
    }

    @Override
    public FrameStream stream(int framesPerSecond) throws DeviceException {
        if (input == null) {
            return CameraSource.super.stream(framesPerSecond);
        }
        check();
        Path dir = null;
        Launched launched = null;
        try {
            dir = Files.createTempDirectory("kiosk-camera"); // rwx------
            launched = launch(streamCommand(input, settings, framesPerSecond), dir);
            return new Stream(dir, launched.process(), open(launched.reader()));
        } catch (IOException e) {
            if (launched != null) {
                killTree(launched.process());
            }
            deleteQuietly(dir);
            throw new DeviceException("cannot run " + TOOL + " for the preview: " + e.getMessage(),
                    RecommendedAction.CHECK_CONFIGURATION, false, e);
        }
    }

    /** The preview's long-running tool: frames split from the FIFO; stopping kills it, closing reaps it. */
    private final class Stream implements FrameStream {
        private final Path dir;
        private final Process process;
        private final InputStream in;
        private final JpegStream frames;
        private volatile boolean stopped;
        private boolean closed;

        Stream(Path dir, Process process, InputStream in) {
            this.dir = dir;
            this.process = process;
            this.in = in;
            this.frames = new JpegStream(in, settings.maxFrameBytes());
        }

        @Override
        public FaceImage next() throws IOException {
            byte[] frame;
            try {
                frame = frames.next();
            } catch (IOException e) {
                if (stopped) {
                    return null;
                }
                throw e;
            }
            if (frame == null) {
                if (stopped) {
                    return null;
                }
                String said = tail(dir.resolve("stderr"));
                throw new IOException(TOOL + " stopped sending frames (exit " + exitCode(process) + ")"
                        + (said.isEmpty() ? "" : ": " + said));
            }
            return new FaceImage(frame, "image/jpeg");
        }

        @Override
        public boolean selfPaced() {
            return true;
        }

        @Override
        public int warmupFrames() {
            return settings.warmupFrames();
        }

        @Override
        public Duration captureTimeout() {
            return settings.timeout();
        }

        @Override
        public void stop() {
            stopped = true;
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly(); // the FIFO's write end closes: a waiting read returns
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            stopped = true;
            try {
                killTree(process);
                frames.close();
                in.close();
            } catch (IOException ignored) {
                // a FIFO's read end
            } finally {
                deleteQuietly(dir);
            }
        }
    }

    private static InputStream open(CompletableFuture<FileInputStream> reader) throws IOException {
        try {
            return reader.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot open the frame FIFO: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the frame FIFO did not open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The process never opened the FIFO: open its write end ourselves so that the waiting reader returns. */
    private static void unblock(Path fifo, CompletableFuture<FileInputStream> reader) {
        if (!reader.isDone()) {
            try (FileOutputStream ignored = new FileOutputStream(fifo.toFile())) {
                // opened and closed: the reader sees an empty stream
            } catch (IOException ignored) {
                // the reader fails by itself
            }
        }
        reader.thenAccept(in -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read
            }
        });
    }

    /** Kills the process and everything it started, and reaps it. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
    }

    private static void mkfifo(Path fifo) throws IOException {
        Process mk = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
        try {
            if (!mk.waitFor(5, TimeUnit.SECONDS) || mk.exitValue() != 0) {
                mk.destroyForcibly();
                throw new IOException("mkfifo failed: " + new String(mk.getInputStream().readNBytes(500), StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            mk.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The tool's last words (stderr holds messages only, never image data), for the technician. */
    private static String tail(Path errors) {
        try {
            byte[] all = Files.readAllBytes(errors);
            String text = new String(all, Math.max(0, all.length - 400), Math.min(all.length, 400), StandardCharsets.UTF_8);
            return text.strip().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        for (String name : List.of("frames", "stderr")) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException ignored) {
                // left behind in the temp directory: a FIFO holds no data, stderr only messages
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // as above
        }
    }

    @Override
    public String description() {
        return description;
    }

    Settings settings() {
        return settings;
    }
}
