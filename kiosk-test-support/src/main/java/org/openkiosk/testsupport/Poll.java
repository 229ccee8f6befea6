package org.openkiosk.testsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling it until a deadline, instead of sleeping a fixed time and hoping: passes as
 * soon as the condition holds, fails with what was awaited when the deadline passes. (Awaitility would do the
 * same; this is the small part the tests need.)
 */
public final class Poll {

    private static final long STEP_MILLIS = 10;

    private Poll() {}

    /** Polls {@code condition} until it is true; fails with {@code what} after {@code deadline}. */
    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        value(deadline, what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Polls until {@code probe} gives a value, and returns it; fails with {@code what} after {@code deadline}. */
    public static <T> T value(Duration deadline, String what, Callable<Optional<T>> probe) {
        long end = System.nanoTime() + deadline.toNanos();
        Exception last = null;
        while (true) {
            try {
                Optional<T> value = probe.call();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (Exception e) {
                last = e; // not there yet (e.g. a file still being written)
            }
            if (System.nanoTime() - end > 0) {
                AssertionError error = new AssertionError("not within " + deadline.toMillis() + " ms: " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
