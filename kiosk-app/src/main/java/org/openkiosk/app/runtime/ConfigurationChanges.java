package org.openkiosk.app.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openkiosk.app.service.audit.AuditAction;
import org.openkiosk.app.service.audit.AuditEntry;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.audit.AuditRecord;

/**
 * Configuration changes in the keyed audit trail (issue 15, ADR 0068). A configuration takes effect when the kiosk
 * starts, so the kiosk records at its start what changed since its last record: each change noted by {@code kiosk
 * config apply}, {@code rollback} and the start-up guard's automatic rollback (these run as other processes, often
 * as root, and do not write the store themselves: they append a line to {@link #NOTES} in the data directory), and
 * a configuration directory found different from the one last recorded (edited by hand while the kiosk was
 * stopped). Every {@code CONFIGURATION_CHANGED} record carries {@code sha256}, the {@link #digest} of the whole
 * configuration directory in force, which is what the next start compares with; the maintenance screen's edits
 * record the same digest when they write kiosk.yaml.
 */
public final class ConfigurationChanges {

    /** In the data directory: configuration changes not yet in the audit trail, one tab-separated line each. */
    public static final String NOTES = "config-changes";

    /** How a configuration came to change, in the records' {@code how}. */
    public static final String APPLIED = "apply";
    public static final String ROLLED_BACK = "rollback";
    public static final String ROLLED_BACK_AUTOMATICALLY = "automatic-rollback";
    public static final String MAINTENANCE_SCREEN = "maintenance-screen";
    /** Found different at a start with no change noted: edited outside the kiosk's commands. */
    public static final String FOUND_CHANGED = "found-changed-at-start";
    /** The first start that records the configuration: the reference later starts compare with. */
    public static final String FIRST_RECORDED = "first-recorded";

    private ConfigurationChanges() {
    }

    /** A change noted by a command that does not write the store. */
    public record Note(Instant at, String how, String version) {
    }

    /**
     * Appends a note for the kiosk's next start ({@code kiosk config apply}, {@code rollback}, the start-up guard).
     * Readable by the kiosk user when written by root under a restrictive umask; the kiosk deletes it once recorded.
     */
    public static void note(Path dataDir, Instant at, String how, String version) throws IOException {
        Path file = dataDir.resolve(NOTES);
        String line = at + "\t" + oneField(how) + "\t" + oneField(version) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException | UnsupportedOperationException e) {
            // not its owner (the kiosk user added to root's file): the mode it has is already readable
        }
    }

    /** The notes waiting for the next start, oldest first; malformed lines are kept as an unknown change. */
    public static List<Note> notes(Path dataDir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve(NOTES), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Note> notes = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            Instant at;
            try {
                at = Instant.parse(f[0]);
            } catch (RuntimeException e) {
                at = Instant.EPOCH;
            }
            notes.add(new Note(at, f.length > 1 ? f[1] : "unknown", f.length > 2 ? f[2] : ""));
        }
        return notes;
    }

    /**
     * SHA-256 over every regular file of the configuration directory (relative path, length and content, in path
     * order): the same for the same configuration on any kiosk. Key files are covered by their digest only.
     */
    public static String digest(Path configDir) {
        MessageDigest sha = sha256();
        try (Stream<Path> walk = Files.walk(configDir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted((a, b) ->
                    configDir.relativize(a).toString().compareTo(configDir.relativize(b).toString())).toList();
            for (Path file : files) {
                sha.update(configDir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                try (InputStream in = Files.newInputStream(file);
                     DigestOutputStream out = new DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha)) {
                    in.transferTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration directory " + configDir, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * At the kiosk's start: records each noted change and, with none noted, a directory that differs from the one
     * last recorded (or the first recording); then removes the notes. Blocks (database).
     *
     * @return the records written (none when nothing changed)
     */
    public static List<AuditRecord> recordAtStart(Path configDir, Path dataDir, AuditLog trail) throws IOException {
        List<Note> notes = notes(dataDir);
        String digest = digest(configDir);
        String subject = "config:" + configDir.toAbsolutePath().normalize().getFileName();
        List<AuditRecord> written = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            boolean last = i == notes.size() - 1;
            written.add(trail.record(entry(subject, n.how(), Optional.of(n.version()).filter(v -> !v.isEmpty()),
                    Optional.of(n.at()), last ? digest : "")));
        }
        if (notes.isEmpty()) {
            Optional<String> before = trail.latest(AuditAction.CONFIGURATION_CHANGED)
                    .map(r -> AuditEntry.parseDetails(r.details()).getOrDefault("sha256", ""));
            if (before.isEmpty()) {
                written.add(trail.record(entry(subject, FIRST_RECORDED, Optional.empty(), Optional.empty(), digest)));
            } else if (!before.get().equals(digest)) {
                written.add(trail.record(entry(subject, FOUND_CHANGED, Optional.empty(), Optional.empty(), digest)));
            }
        }
        Files.deleteIfExists(dataDir.resolve(NOTES));
        return written;
    }

    private static AuditEntry entry(String subject, String how, Optional<String> version, Optional<Instant> at,
                                    String digest) {
        Map<String, String> details = new TreeMap<>();
        details.put("how", how);
        version.ifPresent(v -> details.put("version", v.length() <= 100 ? v : v.substring(0, 100)));
        at.ifPresent(t -> details.put("changedAt", t.toString()));
        if (!digest.isEmpty()) {
            details.put("sha256", digest);
        }
        return new AuditEntry(AuditAction.CONFIGURATION_CHANGED, subject.length() <= 120 ? subject
                : subject.substring(0, 120), details);
    }

    private static String oneField(String s) {
        return s.replaceAll("[\\t\\r\\n]", " ");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
