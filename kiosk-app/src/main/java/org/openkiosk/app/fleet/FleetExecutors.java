package org.openkiosk.app.fleet;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The threads fleet links run on (ADR 0103). A kiosk's one link has threads of its own ({@link #own()}:
 * {@code fleet-link} for its state, alarms and sending, {@code fleet-commands} for commands, which may take long).
 * Many links in one JVM — fleet simulations, the scale benchmark — share a small pool ({@link #shared(int)}); each
 * link still sees its work run in order, one task at a time, exactly as on a thread of its own.
 */
public abstract class FleetExecutors implements AutoCloseable {

    /** The executors of one link. */
    public interface LinkThreads {
        /** The link's own work, in order, one task at a time (its state is touched only here). */
        Executor work();

        /** Commands, in order, one at a time, apart from the work so a long command does not hold up alarms. */
        Executor commands();

        /** Runs {@code task} on {@link #work()} every {@code period}, the first time after one period. */
        void every(Duration period, Runnable task);

        /** No more work: what is queued is dropped, further tasks are rejected. */
        void close();
    }

    FleetExecutors() {}

    /** Threads of its own for each link: the kiosk's setting. */
    public static FleetExecutors own() {
        return new Own();
    }

    /** One pool of {@code threads} (and a timer thread) for every link made from it; close it after the links. */
    public static FleetExecutors shared(int threads) {
        return new Shared(threads);
    }

    abstract LinkThreads newLink();

    @Override
    public void close() {
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One link's executors: its work, its commands, a timer that feeds its work, and what closing it stops. */
    private record Link(Executor work, Executor commands, Timer timer, Runnable stop) implements LinkThreads {
        @Override
        public void every(Duration period, Runnable task) {
            timer.every(period.toMillis(), task);
        }

        @Override
        public void close() {
            stop.run();
        }
    }

    @FunctionalInterface
    private interface Timer {
        void every(long periodMillis, Runnable task);
    }

    private static final class Own extends FleetExecutors {
        @Override
        LinkThreads newLink() {
            ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(daemon("fleet-link"));
            ExecutorService commands = Executors.newSingleThreadExecutor(daemon("fleet-commands"));
            return new Link(work, commands,
                    (period, task) -> work.scheduleAtFixedRate(task, period, period, TimeUnit.MILLISECONDS),
                    () -> {
                        work.shutdownNow();
                        commands.shutdownNow();
                    });
        }
    }

    private static final class Shared extends FleetExecutors {
        private final ExecutorService pool;
        private final ScheduledExecutorService timer;

        Shared(int threads) {
            this.pool = Executors.newFixedThreadPool(threads, daemon("fleet-shared"));
            this.timer = Executors.newSingleThreadScheduledExecutor(daemon("fleet-timer"));
        }

        @Override
        LinkThreads newLink() {
            Serial work = new Serial(pool);
            Serial commands = new Serial(pool);
            List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
            return new Link(work, commands,
                    (period, task) -> timers.add(timer.scheduleAtFixedRate(() -> {
                        try {
                            work.execute(task);
                        } catch (RejectedExecutionException closed) {
                            // the link is closing
                        }
                    }, period, period, TimeUnit.MILLISECONDS)),
                    () -> {
                        timers.forEach(t -> t.cancel(false));
                        work.close();
                        commands.close();
                    });
        }

        @Override
        public void close() {
            timer.shutdownNow();
            pool.shutdownNow();
        }
    }

    /** Tasks of one link on a shared pool: in order, never two at once (the pattern of {@link Executor}'s javadoc). */
    private static final class Serial implements Executor {
        private final Executor pool;
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean running;
        private boolean closed;

        Serial(Executor pool) {
            this.pool = pool;
        }

        @Override
        public synchronized void execute(Runnable task) {
            if (closed) {
                throw new RejectedExecutionException("the fleet link is closed");
            }
            tasks.add(task);
            if (!running) {
                running = true;
                pool.execute(this::runOne);
            }
        }

        private void runOne() {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } finally {
                synchronized (this) {
                    if (tasks.isEmpty() || closed) {
                        running = false;
                    } else {
                        pool.execute(this::runOne); // one task per turn: the other links' work is not starved
                    }
                }
            }
        }

        synchronized void close() {
            closed = true;
            tasks.clear();
        }
    }
}
