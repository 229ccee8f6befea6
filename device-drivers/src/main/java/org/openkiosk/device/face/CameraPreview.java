package org.openkiosk.device.face;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.RecommendedAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live preview of a camera (ADR 0185): a thread of its own reads the camera's {@link FrameStream}, decodes a
 * frame at most {@code framesPerSecond} times a second into a {@link PreviewFrame} that fits the preview's box,
 * and keeps <b>only the latest</b> one: a newer frame replaces (and zeroes) one that was not taken yet, so a slow
 * screen drops frames and nothing queues. The screen is told through {@code onFrame} (called on the preview's
 * thread) and takes the frame with {@link #takeLatest()}.
 *
 * <p>While the preview runs, the camera belongs to it (a V4L2 camera streams to one reader): a verification takes
 * its frame from the running stream ({@link #capture}), the next one after the warm-up. {@link #close()} never
 * blocks: it stops the stream; the preview's thread then releases the camera and zeroes what it still holds.
 */
public final class CameraPreview implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraPreview.class);

    /** The preview's default rate: enough to look live, little work for a kiosk's CPU. */
    public static final int DEFAULT_FPS = 10;
    public static final int MAX_FPS = 15;

    private final CameraSource camera;
    private final int framesPerSecond;
    private final int maxWidth;
    private final int maxHeight;
    private final Runnable onFrame;
    private final Thread thread;
    private final Object lock = new Object();
    private final AtomicReference<PreviewFrame> latest = new AtomicReference<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopping;
    private volatile DeviceException failure;
    private FrameStream stream; // guarded by lock
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    private CompletableFuture<FaceImage> captureRequest; // guarded by lock

    /**
     * @param onFrame called on the preview's thread after each new latest frame; must not block (e.g. schedules a
     *                paint on the UI thread)
     */
    CameraPreview(CameraSource camera, int framesPerSecond, int maxWidth, int maxHeight, Runnable onFrame) {
        this.camera = Objects.requireNonNull(camera, "camera");
        if (framesPerSecond < 1 || framesPerSecond > MAX_FPS) {
            throw new IllegalArgumentException("framesPerSecond must be 1–" + MAX_FPS + ", got " + framesPerSecond);
        }
        if (maxWidth < 16 || maxHeight < 16 || maxWidth > 4096 || maxHeight > 4096) {
            throw new IllegalArgumentException("the preview box must be 16–4096 pixels each way");
        }
        this.framesPerSecond = framesPerSecond;
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        this.onFrame = Objects.requireNonNull(onFrame, "onFrame");
        this.thread = new Thread(this::run, "camera preview");
        this.thread.setDaemon(true);
    }

    /** Starts the preview's thread; it opens the camera once {@code previous} (an earlier preview) has let go. */
    void start(CompletableFuture<Void> previous) {
        this.previous = previous;
        thread.start();
    }

    /** The newest decoded frame not yet taken, or null; the caller closes it (which zeroes it). */
    public PreviewFrame takeLatest() {
        return latest.getAndSet(null);
    }

    /** Whether the preview still runs (false once stopped, or when the camera failed). */
    public boolean running() {
        return !ended.isDone();
    }

    /** Completes when the preview's thread has released the camera and zeroed what it held. */
    public CompletableFuture<Void> ended() {
        return ended.copy();
    }

    /** Why the preview ended by itself (the camera failed), or null. */
    public DeviceException failure() {
        return failure;
    }

    /** Frames decoded for the screen so far. */
    public long framesDecoded() {
        return decoded.get();
    }

    /** Frames zeroed unshown: newer ones replaced them, or they came faster than the preview's rate. */
    public long framesDropped() {
        return dropped.get();
    }

    /** Stops the preview; never blocks (safe on the JavaFX thread). Idempotent. */
    @Override
    public void close() {
        FrameStream running;
        synchronized (lock) {
            stopping = true;
            running = stream;
            lock.notifyAll();
        }
        if (running != null) {
            // stopping a tool's stream walks its process tree (/proc reads): never on the caller's (JavaFX) thread
            Thread stopper = new Thread(running::stop, "camera-preview-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
        PreviewFrame left = latest.getAndSet(null);
        if (left != null) {
            left.close();
        }
    }

    /**
     * The next frame of the running stream after its warm-up, for a verification (the caller closes it), or null
     * when the preview is not (or no longer) running: then the caller captures from the camera itself.
     */
    FaceImage capture() throws DeviceException {
        CompletableFuture<FaceImage> request = new CompletableFuture<>();
        Duration timeout;
        synchronized (lock) {
            if (stopping || ended.isDone()) {
                return null;
            }
            timeout = stream == null ? Duration.ofSeconds(10) : stream.captureTimeout();
            captureRequest = request;
            lock.notifyAll(); // a paced stream takes the next frame at once
        }
        try {
            return request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!request.cancel(false)) {
                FaceImage late = request.getNow(null); // it arrived just now
                if (late != null) {
                    return late;
                }
            }
            throw new DeviceException("the camera gave no frame within " + timeout.toSeconds() + " s",
                    RecommendedAction.RETRY, true);
        } catch (CancellationException | ExecutionException e) {
            return null; // the preview ended meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!request.cancel(false)) {
                FaceImage late = request.getNow(null);
                if (late != null) {
                    late.close();
                }
            }
            throw new DeviceException("interrupted while waiting for the camera", RecommendedAction.RETRY, true);
        } finally {
            synchronized (lock) {
                if (captureRequest == request) {
                    captureRequest = null;
                }
            }
        }
    }

    private void run() {
        FrameStream opened = null;
        try {
            try {
                previous.get(10, TimeUnit.SECONDS); // a V4L2 camera streams to one reader at a time
            } catch (ExecutionException | TimeoutException e) {
                log.debug("the previous preview did not end in time: {}", e.toString());
            }
            if (stopping) {
                return;
            }
            opened = camera.stream(framesPerSecond);
            synchronized (lock) {
                stream = opened;
                if (stopping) {
                    return;
                }
            }
            pump(opened);
        } catch (DeviceException e) {
            failed(e);
        } catch (IOException | RuntimeException e) {
            failed(new DeviceException("camera preview: " + e.getMessage(), RecommendedAction.RECONNECT, true, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (opened != null) {
                opened.close();
            }
            PreviewFrame left = latest.getAndSet(null);
            if (left != null) {
                left.close();
            }
            synchronized (lock) {
                stopping = true;
                if (captureRequest != null) {
                    captureRequest.cancel(false);
                }
            }
            ended.complete(null);
            log.debug("camera preview ended: {} frames decoded, {} dropped", decoded.get(), dropped.get());
        }
    }

    private void failed(DeviceException e) {
        if (!stopping) {
            failure = e;
            log.warn("camera preview stopped: {}", e.getMessage());
        }
    }

    private void pump(FrameStream frames) throws IOException, DeviceException, InterruptedException {
        long period = 1_000_000_000L / framesPerSecond;
        long nextDue = System.nanoTime();
        long sequence = 0;
        while (!stopping) {
            if (!frames.selfPaced() && !waitUntil(nextDue)) {
                return;
            }
            FaceImage frame = frames.next();
            if (frame == null) {
                if (!stopping) {
                    throw new DeviceException("the camera stream ended", RecommendedAction.RECONNECT, true);
                }
                return;
            }
            sequence++;
            if (sequence > frames.warmupFrames() && handedToCapture(frame)) {
                continue; // the verification owns and wipes it
            }
            try (frame) {
                long now = System.nanoTime();
                if (stopping) {
                    return;
                }
                if (now - nextDue < 0) {
                    dropped.incrementAndGet(); // faster than the preview's rate
                    continue;
                }
                // a little slack, so that a camera delivering at exactly the preview's rate is not halved
                nextDue = now + period - period / 8;
                PreviewFrame next;
                try {
                    next = PreviewDecoder.decode(frame, maxWidth, maxHeight, sequence);
                } catch (IOException e) {
                    dropped.incrementAndGet(); // one unreadable frame: the next one may be fine
                    log.debug("preview frame dropped: {}", e.getMessage());
                    continue;
                }
                decoded.incrementAndGet();
                PreviewFrame replaced = latest.getAndSet(next);
                if (replaced != null) {
                    replaced.close();
                    dropped.incrementAndGet();
                }
                if (stopping) {
                    PreviewFrame left = latest.getAndSet(null);
                    if (left != null) {
                        left.close();
                    }
                    return;
                }
                onFrame.run();
            }
        }
    }

    private boolean handedToCapture(FaceImage frame) {
        synchronized (lock) {
            if (captureRequest == null) {
                return false;
            }
            boolean taken = captureRequest.complete(frame);
            captureRequest = null;
            return taken;
        }
    }

    /** Waits for the preview's next frame time; a capture request or stop ends the wait. False when stopping. */
    private boolean waitUntil(long due) throws InterruptedException {
        synchronized (lock) {
            while (!stopping && captureRequest == null) {
                long left = due - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return !stopping;
        }
    }
}
