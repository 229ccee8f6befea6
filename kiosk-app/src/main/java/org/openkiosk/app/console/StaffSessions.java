package org.openkiosk.app.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;

/**
 * Logged-in staff: a random session id (the cookie) and a random CSRF token per session, which every action must
 * carry in a header. Sessions end after {@link #IDLE} without a request, after {@link #MAX_AGE} in any case, and on
 * logout; they live in memory only (a console restart logs everyone out).
 */
public final class StaffSessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One logged-in member of staff. */
    public record Session(String id, StaffAccount staff, String csrfToken, Instant started, Instant lastSeen) {
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    public StaffSessions(Clock clock) {
        this.clock = clock;
    }

    public Session start(StaffAccount staff) {
        Instant now = clock.instant();
        Session s = new Session(token(), staff, token(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.started().plus(MAX_AGE))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(s.id(), s.staff(), s.csrfToken(), s.started(), now);
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
