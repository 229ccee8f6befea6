package org.openkiosk.app.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openkiosk.device.privacy.Masking;

/**
 * The current citizen's name and ID number, registered for the duration of a session so that every log line can
 * mask them wherever they appear. Names cannot be recognised by pattern, so the session tells this registry whom
 * to hide: {@link #registerCitizen} at session start, {@link #clear()} (or closing the registration) at its end.
 *
 * <p>Process-wide, because log appenders have no notion of a session. Thread-safe: registrations replace an
 * immutable snapshot that the logging threads read without locking.
 */
public final class PersonalDataRedactor {

    /**
     * One value to hide and what to write instead. Values whose letters have case (Latin names, an ID number's X)
     * are matched ignoring case with a pattern; the rest (Chinese names, digits) by plain, much faster, search.
     */
    private record Secret(String value, Pattern caseless, String masked, Registration owner) {

        static Secret of(String value, String masked, Registration owner) {
            boolean hasCase = !value.toLowerCase(Locale.ROOT).equals(value.toUpperCase(Locale.ROOT));
            Pattern caseless = hasCase
                    ? Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    : null;
            return new Secret(value, caseless, masked, owner);
        }

        String redact(String text) {
            if (caseless == null) {
                return text.replace(value, masked);
            }
            return caseless.matcher(text).replaceAll(Matcher.quoteReplacement(masked));
        }
    }

    private static final Object LOCK = new Object();
    private static volatile List<Secret> secrets = List.of();

    private PersonalDataRedactor() {}

    /**
     * Registers a citizen's name and ID number (either may be {@code null}). Names shorter than two characters are
     * not registered: masking one character everywhere would destroy every log line.
     *
     * @return a handle whose {@link Registration#close()} removes exactly these values again
     */
    public static Registration registerCitizen(String name, String idNumber) {
        Registration registration = new Registration();
        List<Secret> added = new ArrayList<>();
        if (name != null && name.strip().codePointCount(0, name.strip().length()) >= 2) {
            String n = name.strip();
            added.add(Secret.of(n, Masking.name(n), registration));
        }
        if (idNumber != null && !idNumber.isBlank()) {
            String id = idNumber.strip();
            added.add(Secret.of(id, Masking.idNumber(id), registration));
        }
        synchronized (LOCK) {
            List<Secret> next = new ArrayList<>(secrets);
            next.addAll(added);
            // longest first, so that a value containing another is masked whole
            next.sort(Comparator.comparingInt((Secret s) -> s.value().length()).reversed());
            secrets = List.copyOf(next);
        }
        return registration;
    }

    /** Forgets every registered value (the session has ended). */
    public static void clear() {
        synchronized (LOCK) {
            secrets = List.of();
        }
    }

    /** True when nothing is registered. */
    public static boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** Replaces every registered value in {@code text} by its masked form. */
    public static String redact(String text) {
        List<Secret> current = secrets;
        if (text == null || current.isEmpty()) {
            return text;
        }
        String result = text;
        for (Secret s : current) {
            result = s.redact(result);
        }
        return result;
    }

    /** The values registered by one call; closing it removes them (and nothing else). */
    public static final class Registration implements AutoCloseable {

        private Registration() {}

        @Override
        public void close() {
            synchronized (LOCK) {
                secrets = secrets.stream().filter(s -> !Objects.equals(s.owner(), this)).toList();
            }
        }
    }
}
