package org.openkiosk.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;

/**
 * Checks staff passwords and locks a user name out for {@link #LOCK_OUT} after {@link #MAX_FAILURES} wrong
 * passwords in a row (whoever tries, so guessing from many addresses does not help). An unknown user name costs
 * the same PBKDF2 work as a known one and is answered the same way.
 */
public final class StaffLogin {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_OUT = Duration.ofMinutes(15);

    /** What became of a login. */
    public sealed interface Outcome {
        record LoggedIn(StaffAccount staff) implements Outcome {}

        record Refused() implements Outcome {}

        record LockedOut(Instant until) implements Outcome {}
    }

    private final Map<String, StaffAccount> accounts;
    private final Clock clock;
    private final String decoy = PasswordHash.decoy();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Instant> lockedUntil = new HashMap<>();

    public StaffLogin(List<StaffAccount> accounts, Clock clock) {
        this.accounts = accounts.stream().collect(Collectors.toUnmodifiableMap(StaffAccount::user, Function.identity()));
        this.clock = clock;
    }

    public Outcome login(String user, char[] password) {
        String key = user == null ? "" : user.strip().toLowerCase(java.util.Locale.ROOT);
        synchronized (this) {
            Instant until = lockedUntil.get(key);
            if (until != null && clock.instant().isBefore(until)) {
                return new Outcome.LockedOut(until);
            }
        }
        Optional<StaffAccount> account = Optional.ofNullable(accounts.get(key));
        boolean ok = PasswordHash.verify(password, account.map(StaffAccount::passwordHash).orElse(decoy))
                && account.isPresent();
        synchronized (this) {
            if (ok) {
                failures.remove(key);
                lockedUntil.remove(key);
                return new Outcome.LoggedIn(account.get());
            }
            int count = failures.merge(key, 1, Integer::sum);
            if (count >= MAX_FAILURES) {
                failures.remove(key);
                Instant until = clock.instant().plus(LOCK_OUT);
                lockedUntil.put(key, until);
                return new Outcome.LockedOut(until);
            }
            return new Outcome.Refused();
        }
    }
}
