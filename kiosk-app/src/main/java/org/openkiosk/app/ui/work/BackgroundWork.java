package org.openkiosk.app.ui.work;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs device, store and file work off the JavaFX thread and hands the outcome back on it, so the screen
 * never blocks. {@link #busyProperty()} is true while anything runs (views disable their buttons and show
 * progress). A screen cancels its jobs when it is hidden; a cancelled job's outcome is dropped.
 */
public final class BackgroundWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    /** A running job; cancelling interrupts it and drops its outcome. */
    public interface Job {
        void cancel();

        boolean isCancelled();
    }

    private final ExecutorService executor;
    private final Executor uiThread;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final AtomicInteger running = new AtomicInteger();

    public BackgroundWork() {
        this(Platform::runLater);
    }

    /** @param uiThread where outcomes are delivered (the JavaFX thread; tests may pass a direct executor) */
    public BackgroundWork(Executor uiThread) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kiosk-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.uiThread = uiThread;
    }

    /**
     * Runs {@code work} on a worker thread, then {@code onSuccess} or {@code onFailure} on the UI thread.
     * Call on the UI thread.
     */
    public <T> Job run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        AtomicBoolean cancelled = new AtomicBoolean();
        running.incrementAndGet();
        busy.set(true);
        Future<?> future = executor.submit(() -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Throwable t) {
                failure = t;
            }
            T r = result;
            Throwable f = failure;
            uiThread.execute(() -> {
                busy.set(running.decrementAndGet() > 0);
                if (cancelled.get()) {
                    return;
                }
                if (f == null) {
                    onSuccess.accept(r);
                } else {
                    LOG.warn("background work failed: {}", f.toString());
                    onFailure.accept(f);
                }
            });
        });
        return new Job() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Interrupts whatever still runs and waits briefly for the workers to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("background work still running after 2 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
