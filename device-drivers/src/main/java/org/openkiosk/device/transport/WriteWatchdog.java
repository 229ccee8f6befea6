package org.openkiosk.device.transport;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Java offers no write timeout on sockets or device files: a write to a printer that stopped reading blocks for
 * ever. The watchdog closes the link when a write overruns its deadline, which unblocks the writer; the writer
 * then reports a disconnect naming the timeout.
 */
final class WriteWatchdog {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "transport-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private WriteWatchdog() {}

    /** A running guard; {@link #finish()} reports whether the deadline passed (and the link was closed). */
    static final class Guard {
        private final ScheduledFuture<?> future;
        private final AtomicBoolean fired;

        private Guard(ScheduledFuture<?> future, AtomicBoolean fired) {
            this.future = future;
            this.fired = fired;
        }

        boolean finish() {
            future.cancel(false);
            return fired.get();
        }
    }

    static Guard start(Duration timeout, Runnable closeLink) {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> future = TIMER.schedule(() -> {
            fired.set(true);
            closeLink.run();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Guard(future, fired);
    }
}
