package org.openkiosk.app.supervision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Crash-loop protection (ADR 0122): every start of the kiosk is written to {@code DATA/start-attempts}; a start
 * that stays up for {@code window} clears the file. When {@code maxFailed} earlier starts within {@code window}
 * did not stay up, the kiosk is in a crash loop: it stays on a diagnostic out-of-service screen instead of trying
 * (and failing) again, until {@code window} has passed quietly or a technician removes the file.
 * Wall-clock time, because it has to survive restarts; a clock jump at worst ends a quiet period early or late.
 */
public final class StartAttempts {

    public static final String FILE_NAME = "start-attempts";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    /** Below systemd's StartLimitBurst=5 in the unit, so the kiosk shows its screen before systemd gives up. */
    public static final int DEFAULT_MAX_FAILED = 3;

    private final Path file;
    private final Clock clock;
    private final Duration window;
    private final int maxFailed;

    public StartAttempts(Path dataDir, Clock clock, Duration window, int maxFailed) {
        this.file = dataDir.resolve(FILE_NAME);
        this.clock = clock;
        this.window = window;
        this.maxFailed = maxFailed;
    }

    public Path file() {
        return file;
    }

    public Duration window() {
        return window;
    }

    /**
     * Records this start. Returns how many earlier starts within the window did not stay up when that is
     * {@code maxFailed} or more (a crash loop), else empty.
     */
    public Optional<Integer> recordStart() throws IOException {
        Instant now = clock.instant();
        List<Instant> recent = recent(now);
        List<Instant> written = new ArrayList<>(recent);
        written.add(now);
        write(written);
        return recent.size() >= maxFailed ? Optional.of(recent.size()) : Optional.empty();
    }

    /** Whether {@code window} has passed since the last recorded start (the loop has calmed down). */
    public boolean quietSinceLastStart() throws IOException {
        Instant now = clock.instant();
        return recent(now).isEmpty();
    }

    /** This start stayed up (or the technician cleared the loop): forget the attempts. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    private List<Instant> recent(Instant now) throws IOException {
        // a start "in the future" (the clock was set back) counts as recent, so a jump cannot hide a loop
        return read().stream().filter(t -> t.isAfter(now.minus(window))).toList();
    }

    private List<Instant> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Instant> starts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            try {
                starts.add(Instant.ofEpochMilli(Long.parseLong(line.trim())));
            } catch (NumberFormatException ignored) {
                // a line cut by a power loss: not a start we can date
            }
        }
        return starts;
    }

    private void write(List<Instant> starts) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        for (Instant t : starts) {
            text.append(t.toEpochMilli()).append('\n');
        }
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
