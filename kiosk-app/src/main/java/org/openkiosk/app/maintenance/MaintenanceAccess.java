package org.openkiosk.app.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.audit.BackgroundAudit;

/**
 * Who may open maintenance mode: a PIN checked against the salted hash in {@code maintenance.pinHash}. Five wrong
 * PINs in a row lock the PIN pad for five minutes (a 6-digit PIN then takes years to guess on the screen). Every
 * entry, refusal, lock-out and exit goes to the audit log. In demo mode the PIN is {@value #DEMO_PIN}.
 * Thread-safe; {@link #enter} is slow on purpose (PBKDF2): call it off the JavaFX thread.
 */
public final class MaintenanceAccess {

    public static final String DEMO_PIN = "000000";
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** The outcome of one PIN attempt. */
    public sealed interface Attempt {
        /** The PIN was right: maintenance mode is open. */
        record Granted() implements Attempt {}

        /** The PIN was wrong; {@code remaining} more tries before the lock-out. */
        record Refused(int remaining) implements Attempt {}

        /** Too many wrong PINs: no PIN is checked until {@code until}. */
        record LockedOut(Instant until) implements Attempt {}

        /** No {@code maintenance.pinHash} is configured (and this is not the demo). */
        record NotConfigured() implements Attempt {}
    }

    private final Optional<PinHash> pinHash;
    private final Clock clock;
    private final MaintenanceAudit audit;
    private int failures;
    private Instant lockedUntil = Instant.MIN;
    private boolean open;

    public MaintenanceAccess(Optional<PinHash> pinHash, Clock clock, MaintenanceAudit audit) {
        this.pinHash = Objects.requireNonNull(pinHash, "pinHash");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** From the configuration; the demo always uses {@link #DEMO_PIN} so a visitor can try maintenance mode. */
    public static MaintenanceAccess of(KioskConfig config, boolean demo, Clock clock) {
        return of(config, demo, clock, Optional.empty());
    }

    /** As {@link #of(KioskConfig, boolean, Clock)}, also recording to the keyed audit trail when {@code chain} is given. */
    public static MaintenanceAccess of(KioskConfig config, boolean demo, Clock clock, Optional<BackgroundAudit> chain) {
        Optional<PinHash> hash = demo
                ? Optional.of(demoHash())
                : config.maintenance().pinHash().map(PinHash::parse);
        return new MaintenanceAccess(hash, clock, new MaintenanceAudit(config.kiosk().id(), chain));
    }

    private static PinHash demoHash() {
        return PinHash.create(DEMO_PIN.toCharArray(), PinHash.MIN_ITERATIONS);
    }

    public boolean configured() {
        return pinHash.isPresent();
    }

    public MaintenanceAudit audit() {
        return audit;
    }

    /** Checks a PIN and zeroes the array. Slow (PBKDF2): not on the JavaFX thread. */
    public Attempt enter(char[] pin) {
        try {
            synchronized (this) {
                if (pinHash.isEmpty()) {
                    return new Attempt.NotConfigured();
                }
                Instant now = clock.instant();
                if (now.isBefore(lockedUntil)) {
                    return new Attempt.LockedOut(lockedUntil);
                }
                if (pinHash.get().matches(pin)) {
                    failures = 0;
                    open = true;
                    audit.entered("pin");
                    return new Attempt.Granted();
                }
                failures++;
                audit.refused(failures, MAX_FAILURES);
                if (failures >= MAX_FAILURES) {
                    failures = 0;
                    lockedUntil = now.plus(LOCKOUT);
                    audit.lockedOut(LOCKOUT.toSeconds());
                    return new Attempt.LockedOut(lockedUntil);
                }
                return new Attempt.Refused(MAX_FAILURES - failures);
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The lock-out's end, while one runs. */
    public synchronized Optional<Instant> lockedUntil() {
        return clock.instant().isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    public synchronized boolean isOpen() {
        return open;
    }

    /** Records an action done in maintenance mode and its outcome. */
    public void action(String action, String outcome) {
        audit.action(action, outcome);
    }

    /** Leaves maintenance mode ({@code reason}: exit, idle …); a second call does nothing. */
    public synchronized void exit(String reason) {
        if (open) {
            open = false;
            audit.exited(reason);
        }
    }
}
