package org.openkiosk.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;
import org.openkiosk.app.fleet.FleetJson;

/**
 * Checks staff passwords and locks a user name out for {@link #LOCK_OUT} after {@link #MAX_FAILURES} wrong
 * passwords in a row (whoever tries, so guessing from many addresses does not help). An unknown user name costs
 * the same PBKDF2 work as a known one and is answered the same way.
 *
 * <p>With a state file, failure counts and lock-outs survive a restart of the console (ADR 0153): the file is
 * rewritten atomically after every change and read at start, expired lock-outs dropped. It holds user names, counts
 * and times only.
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

    private final Optional<Path> stateFile;

    /** Lock-outs in memory only (tests). */
    public StaffLogin(List<StaffAccount> accounts, Clock clock) {
        this(accounts, clock, Optional.empty());
    }

    /**
     * @param stateFile where failure counts and lock-outs are kept across restarts
     * @throws UncheckedIOException when the state file exists but cannot be read
     */
    public StaffLogin(List<StaffAccount> accounts, Clock clock, Optional<Path> stateFile) {
        this.accounts = accounts.stream().collect(Collectors.toUnmodifiableMap(StaffAccount::user, Function.identity()));
        this.clock = clock;
        this.stateFile = stateFile;
        stateFile.ifPresent(this::load);
    }

    private void load(Path file) {
        JsonNode state;
        try {
            state = FleetJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's lock-out state " + file, e);
        }
        Instant now = clock.instant();
        int[] expired = {0};
        state.path("users").fields().forEachRemaining(e -> {
            int count = e.getValue().path("failures").asInt(0);
            if (count > 0) {
                failures.put(e.getKey(), count);
            }
            if (e.getValue().hasNonNull("lockedUntil")) {
                Instant until = Instant.parse(e.getValue().path("lockedUntil").asText());
                if (now.isBefore(until)) {
                    lockedUntil.put(e.getKey(), until);
                } else {
                    expired[0]++;
                }
            }
        });
        if (expired[0] > 0) {
            synchronized (this) {
                save(); // the file forgets lock-outs that have ended
            }
        }
    }

    /** Caller holds the lock. Written before the answer, so a restart right after it cannot undo a lock-out. */
    private void save() {
        if (stateFile.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> users = new TreeMap<>();
        failures.forEach((u, n) -> users.computeIfAbsent(u, k -> new TreeMap<>()).put("failures", n));
        lockedUntil.forEach((u, t) -> users.computeIfAbsent(u, k -> new TreeMap<>()).put("lockedUntil", t.toString()));
        Path file = stateFile.get().toAbsolutePath();
        try {
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.write(temp, FleetJson.bytes(Map.of("users", users)), StandardOpenOption.DSYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console's lock-out state " + file, e);
        }
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
                boolean changed = failures.remove(key) != null | lockedUntil.remove(key) != null;
                if (changed) {
                    save();
                }
                return new Outcome.LoggedIn(account.get());
            }
            int count = failures.merge(key, 1, Integer::sum);
            if (count >= MAX_FAILURES) {
                failures.remove(key);
                Instant until = clock.instant().plus(LOCK_OUT);
                lockedUntil.put(key, until);
                save();
                return new Outcome.LockedOut(until);
            }
            save();
            return new Outcome.Refused();
        }
    }
}
