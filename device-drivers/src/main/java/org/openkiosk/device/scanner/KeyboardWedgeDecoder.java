package org.openkiosk.device.scanner;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner from a person at the keyboard. A scanner "types" a whole code in a burst
 * (a few milliseconds per key) and ends it with a terminator; people are far slower and irregular. A code is
 * accepted only when every gap, including the one before the terminator, is at most {@code maxGap} and it has at
 * least {@code minLength} characters. Pure logic: the UI feeds key-typed events with their timestamps.
 */
public final class KeyboardWedgeDecoder {

    public static final Duration DEFAULT_MAX_GAP = Duration.ofMillis(35);
    public static final int DEFAULT_MIN_LENGTH = 4;

    private final long maxGapNanos;
    private final int minLength;
    private final String terminators;
    private final StringBuilder burst = new StringBuilder();
    private long lastKeyNanos;

    public KeyboardWedgeDecoder() {
        this(DEFAULT_MAX_GAP, DEFAULT_MIN_LENGTH, "\r\n");
    }

    /** @param terminators characters that end a code (scanners are usually set to Enter, sometimes Tab) */
    public KeyboardWedgeDecoder(Duration maxGap, int minLength, String terminators) {
        if (maxGap.isNegative() || maxGap.isZero() || minLength < 1 || terminators.isEmpty()) {
            throw new IllegalArgumentException("wedge decoder needs a positive gap, minLength ≥ 1 and a terminator");
        }
        this.maxGapNanos = maxGap.toNanos();
        this.minLength = minLength;
        this.terminators = terminators;
    }

    /**
     * Feeds one typed character.
     *
     * @return the code when this key completed a scan; empty while a burst is in progress or for human typing
     */
    public Optional<String> keyTyped(char key, long timestampNanos) {
        boolean fast = burst.length() > 0 && timestampNanos - lastKeyNanos <= maxGapNanos;
        if (terminators.indexOf(key) >= 0) {
            String code = burst.toString();
            burst.setLength(0);
            if (fast && code.length() >= minLength) {
                return Optional.of(ScanText.stripControls(code));
            }
            return Optional.empty();
        }
        if (!fast) {
            burst.setLength(0);   // a pause: what came before was typed by a person (or is a stale fragment)
        }
        burst.append(key);
        lastKeyNanos = timestampNanos;
        return Optional.empty();
    }

    /** Whether a fast burst is under way (the UI may hold the keys back from a focused text field). */
    public boolean inBurst(long nowNanos) {
        return burst.length() > 0 && nowNanos - lastKeyNanos <= maxGapNanos;
    }

    public void reset() {
        burst.setLength(0);
    }
}
