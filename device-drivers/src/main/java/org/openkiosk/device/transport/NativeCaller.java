package org.openkiosk.device.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls into a vendor library (JNA) with a deadline. A native call cannot be interrupted, so each one runs on
 * a dedicated thread and the caller waits; a call that overruns leaves this caller stopped until that call has
 * returned, because vendor libraries are rarely thread-safe and must never be entered twice.
 */
public final class NativeCaller {

    private final String threadName;
    private final String owner;
    private final Duration timeout;
    private ExecutorService executor;
    /** A native call that overran its deadline and may still be running inside the vendor library. */
    private volatile Future<?> overrun;

    /**
     * @param threadName the name of the calling thread (shows in thread dumps)
     * @param owner      how errors name the device, e.g. {@code sdtapi /opt/x.so port 1001}
     */
    public NativeCaller(String threadName, String owner, Duration timeout) {
        this.threadName = Objects.requireNonNull(threadName);
        this.owner = Objects.requireNonNull(owner);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /**
     * Makes the caller ready (again).
     *
     * @throws ReadTimeoutException while an earlier call that overran is still inside the library
     */
    public synchronized void start() throws ReadTimeoutException {
        Future<?> stuck = overrun;
        if (stuck != null && !stuck.isDone()) {
            throw new ReadTimeoutException(owner + ": an earlier vendor call has not returned yet");
        }
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
    }

    public synchronized boolean isStarted() {
        return executor != null;
    }

    /**
     * Runs one native call and waits up to the deadline.
     *
     * @throws ReadTimeoutException  the call did not return in time: this caller is stopped until it does
     * @throws DisconnectedException the caller is not started
     */
    public <T> T call(String function, Callable<T> nativeCall) throws IOException {
        ExecutorService current;
        synchronized (this) {
            current = executor;
        }
        if (current == null) {
            throw new DisconnectedException(owner + ": closed");
        }
        Future<T> pending = current.submit(nativeCall);
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            overrun = pending;
            synchronized (this) {
                if (executor == current) {
                    executor.shutdown();
                    executor = null;
                }
            }
            throw new ReadTimeoutException(owner + ": " + function + " did not return within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(function + " interrupted");
        } catch (ExecutionException e) {
            throw new IOException(owner + ": " + function + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the calling thread (a call still inside the library finishes on its own). */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }
}
