package org.openkiosk.app.ui.screens.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts taps; fires once {@code count} taps fell within {@code window}, then starts over. No JavaFX. */
final class TapCounter {

    private final Clock clock;
    private final int count;
    private final Duration window;
    private final Deque<Instant> taps = new ArrayDeque<>();

    TapCounter(Clock clock, int count, Duration window) {
        this.clock = clock;
        this.count = count;
        this.window = window;
    }

    /** Records a tap; true when it completes the gesture. */
    boolean tap() {
        Instant now = clock.instant();
        taps.addLast(now);
        while (!taps.isEmpty() && taps.peekFirst().isBefore(now.minus(window))) {
            taps.removeFirst();
        }
        if (taps.size() >= count) {
            taps.clear();
            return true;
        }
        return false;
    }
}
