package org.openkiosk.app.service.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits guessing at one kiosk: well-formed typed ID numbers and slip codes that find nothing ("misses": a
 * number with no booking at check-in, a slip code naming no booking) are counted per kind. After {@link Settings#freeMisses()} misses within {@link Settings#window()}, each further miss blocks
 * that kind of attempt for a back-off that doubles up to a maximum; at {@link Settings#alarmAfter()} misses an
 * {@link Alarm} goes to the listeners (the fleet link publishes it). The card reader is never limited: a card
 * is physical proof, and the way forward we offer a blocked citizen. Thread-safe; time comes from the clock.
 */
public final class AttemptLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptLimiter.class);

    /** What was guessed. */
    public enum Kind { TYPED_NUMBER, SLIP_CODE }

    /**
     * @param freeMisses   misses within the window before back-off starts
     * @param window       a streak of misses ends this long after its last miss
     * @param firstBackOff block after the first miss beyond the free ones; doubles with each further miss
     * @param maxBackOff   longest block
     * @param alarmAfter   misses in one streak that raise the alarm (once per streak)
     */
    public record Settings(int freeMisses, Duration window, Duration firstBackOff, Duration maxBackOff,
                           int alarmAfter) {

        public static Settings defaults() {
            return new Settings(5, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMinutes(15), 10);
        }

        public Settings {
            if (freeMisses < 1 || alarmAfter < 1 || window.isNegative() || firstBackOff.isNegative()
                    || maxBackOff.compareTo(firstBackOff) < 0) {
                throw new IllegalArgumentException("invalid attempt limits");
            }
        }
    }

    /** Repeated misses at this kiosk: no personal data, only how many and until when attempts are blocked. */
    public record Alarm(String kioskId, Kind kind, int misses, Instant at, Instant blockedUntil) {}

    private static final class Streak {
        int misses;
        Instant lastMiss;
        Instant blockedUntil = Instant.MIN;
        boolean alarmed;
    }

    private final Clock clock;
    private final String kioskId;
    private final Settings settings;
    private final Map<Kind, Streak> streaks = new EnumMap<>(Kind.class);
    private final List<Consumer<Alarm>> listeners = new CopyOnWriteArrayList<>();

    public AttemptLimiter(Clock clock, String kioskId, Settings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kioskId = kioskId;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Subscribes to alarms (called on the thread that recorded the miss; must not block). */
    public AutoCloseable onAlarm(Consumer<Alarm> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /**
     * Refuses while this kind of attempt is blocked.
     *
     * @throws AttemptsLimitedException naming how long to wait
     */
    public synchronized void checkAllowed(Kind kind) {
        Streak streak = current(kind);
        Instant now = clock.instant();
        if (streak != null && now.isBefore(streak.blockedUntil)) {
            throw new AttemptsLimitedException(kind, Duration.between(now, streak.blockedUntil));
        }
    }

    /** Records an attempt that led nowhere (a malformed or unknown number, an unknown slip code). */
    public void miss(Kind kind) {
        Alarm alarm;
        synchronized (this) {
            Instant now = clock.instant();
            Streak streak = current(kind);
            if (streak == null) {
                streak = new Streak();
                streaks.put(kind, streak);
            }
            streak.misses++;
            streak.lastMiss = now;
            int beyond = streak.misses - settings.freeMisses();
            if (beyond > 0) {
                Duration backOff = settings.firstBackOff().multipliedBy(1L << Math.min(beyond - 1, 20));
                if (backOff.compareTo(settings.maxBackOff()) > 0) {
                    backOff = settings.maxBackOff();
                }
                streak.blockedUntil = now.plus(backOff);
            }
            alarm = null;
            if (streak.misses >= settings.alarmAfter() && !streak.alarmed) {
                streak.alarmed = true;
                alarm = new Alarm(kioskId, kind, streak.misses, now, streak.blockedUntil);
            }
        }
        if (alarm != null) {
            LOG.warn("ALARM repeated {} misses at kiosk {}: {} in a row, blocked until {}", alarm.kind(),
                    alarm.kioskId(), alarm.misses(), alarm.blockedUntil());
            for (Consumer<Alarm> listener : listeners) {
                try {
                    listener.accept(alarm);
                } catch (RuntimeException e) {
                    LOG.warn("an attempt alarm listener failed", e);
                }
            }
        }
    }

    /** Misses in the current streak of a kind (0 when none or the streak has ended). */
    public synchronized int misses(Kind kind) {
        Streak streak = current(kind);
        return streak == null ? 0 : streak.misses;
    }

    /** The streak, or null once its window has passed since the last miss and no block is running. */
    private Streak current(Kind kind) {
        Streak streak = streaks.get(kind);
        if (streak == null) {
            return null;
        }
        Instant now = clock.instant();
        boolean windowOver = !now.isBefore(streak.lastMiss.plus(settings.window()));
        if (windowOver && !now.isBefore(streak.blockedUntil)) {
            streaks.remove(kind);
            return null;
        }
        return streak;
    }
}
