package org.openkiosk.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openkiosk.app.fleet.FleetJson;

/**
 * The console's own record of what staff did: one JSON line per login, refused login, lock-out, logout and action,
 * with the member of staff's user name and name, appended and flushed before the action's answer goes back. The
 * kiosks record the commands they receive in their own audit chains, under the console's operator key id.
 */
public final class ConsoleAudit {

    private final Path file;
    private final Clock clock;

    public ConsoleAudit(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * @param user    the staff user name (as typed, for refused logins)
     * @param name    the staff member's name, empty when unknown
     * @param action  e.g. {@code login}, {@code login-refused}, {@code command}
     * @param details what exactly (target kiosk, command, outcome)
     */
    public synchronized void record(String user, String name, String action, Map<String, String> details) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", clock.instant().toString());
        line.put("user", user);
        line.put("name", name);
        line.put("action", action);
        line.put("details", details);
        byte[] bytes = (new String(FleetJson.bytes(line), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.DSYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console audit log " + file, e);
        }
    }
}
