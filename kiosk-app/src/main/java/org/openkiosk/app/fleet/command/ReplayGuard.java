package org.openkiosk.app.fleet.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of commands already accepted, each kept until its command expires, in a file, so a command captured on
 * the network cannot be replayed (not even after a kiosk restart). Commands live at most
 * {@link CommandVerifier#MAX_LIFETIME}, so the file stays small.
 */
public final class ReplayGuard {

    private final Path file;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    public ReplayGuard(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    try {
                        seen.put(line.substring(0, space), Instant.parse(line.substring(space + 1)));
                    } catch (RuntimeException e) {
                        // a torn last line after a power cut: the rest still counts
                    }
                }
            }
        }
    }

    /** Remembers {@code id} until {@code expiresAt}; false if it was seen before (a replay). */
    public synchronized boolean firstUse(String id, Instant expiresAt, Instant now) throws IOException {
        if (seen.containsKey(id)) {
            return false;
        }
        boolean pruned = seen.values().removeIf(until -> until.isBefore(now));
        seen.put(id, expiresAt);
        if (pruned) {
            List<String> lines = new ArrayList<>();
            seen.forEach((k, v) -> lines.add(k + " " + v));
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.writeString(file, id + " " + expiresAt + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        }
        return true;
    }
}
