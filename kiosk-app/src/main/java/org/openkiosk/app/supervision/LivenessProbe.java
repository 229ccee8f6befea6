package org.openkiosk.app.supervision;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Asks a thread that must stay responsive (the JavaFX thread, the device loop) to run a tiny task and remembers
 * when it did. A task posted and not run within {@code stuckAfter} means the thread is stuck. Times are monotonic
 * nanoseconds from the watchdog's clock, so wall-clock jumps change nothing.
 */
public final class LivenessProbe {

    private final String name;
    private final Supplier<Optional<Executor>> target;
    private final long stuckAfterNanos;
    private final java.util.function.LongSupplier nanoClock;
    private long postedAt;
    private boolean outstanding;
    private volatile boolean answered;

    /**
     * @param name       what the thread is, in the technician's words ("the JavaFX thread")
     * @param target     where to post the probe now; empty when there is nothing to check (e.g. no runtime yet)
     * @param stuckAfter how long a posted probe may wait before the thread counts as stuck
     * @param nanoClock  monotonic nanoseconds ({@code System::nanoTime}; tests move their own)
     */
    public LivenessProbe(String name, Supplier<Optional<Executor>> target, Duration stuckAfter,
                         java.util.function.LongSupplier nanoClock) {
        this.name = name;
        this.target = target;
        this.stuckAfterNanos = stuckAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    public String name() {
        return name;
    }

    /**
     * Called at each watchdog tick (one thread). Returns how long the thread has been silent when that is past
     * {@code stuckAfter}; otherwise posts the next probe once the previous one was answered and returns empty.
     */
    synchronized Optional<Duration> check() {
        long now = nanoClock.getAsLong();
        if (outstanding && !answered) {
            long silent = now - postedAt;
            return silent > stuckAfterNanos ? Optional.of(Duration.ofNanos(silent)) : Optional.empty();
        }
        outstanding = false;
        Optional<Executor> executor = target.get();
        if (executor.isEmpty()) {
            return Optional.empty();
        }
        answered = false;
        postedAt = now;
        outstanding = true;
        try {
            executor.get().execute(() -> answered = true);
        } catch (RejectedExecutionException shutDown) {
            outstanding = false; // the loop was closed (a runtime being replaced): nothing to wait for
        }
        return Optional.empty();
    }
}
