package org.openkiosk.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.service.audit.AuditHead;
import org.openkiosk.app.service.audit.AuditHeadFile;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.audit.AuditRecord;
import org.openkiosk.app.service.audit.AuditVerification;

/**
 * The console's own record of what staff did: one JSON line per login, refused login, lock-out, logout and action,
 * with the member of staff's user name and name, appended and flushed before the action's answer goes back. The
 * kiosks record the commands they receive in their own audit chains, under the console's operator key id.
 *
 * <p>The lines form a chain with the kiosk audit trail's primitives (ADR 0153): each carries {@code seq}, the
 * previous line's {@code prev} link and its own {@code link}, an HMAC-SHA256 under the console's audit key
 * ({@link AuditRecord#KEYED}) over the same canonical form as a kiosk's record; after each line a signed head
 * ({@link AuditHead}) is written beside the file ({@code FILE.head}), so lines edited, inserted, removed or cut
 * from the end are found by {@link #verify}. A restarted console continues the chain where it ended.
 */
public final class ConsoleAudit {

    /** The {@code kiosk} field of the console's records: the console is not a kiosk. */
    public static final String SOURCE = "console";

    private final Path file;
    private final Clock clock;
    private final AuditKey key;
    private final AuditHeadFile headFile;
    private long seq;
    private String lastLink;

    /**
     * @param keyFile the console's audit key (created, owner-only, when missing)
     * @throws UncheckedIOException when the existing file cannot be read
     */
    public ConsoleAudit(Path file, Path keyFile, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.key = AuditKey.loadOrGenerate(keyFile);
        this.headFile = new AuditHeadFile(headOf(file));
        this.lastLink = AuditLog.genesisHash();
        try { // continue after the last line (verification is `kiosk fleet console-audit`'s job, and at start-up)
            Lines lines = lines(file);
            if (lines.legacy() > 0) {
                seq = lines.legacyUpTo();
                lastLink = LEGACY_ANCHOR;
            }
            for (AuditRecord r : lines.records()) {
                seq = r.seq();
                lastLink = r.hash();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console audit log " + file, e);
        }
    }

    /** The audit key beside the audit file when none is named: {@code console-audit.jsonl.key}. */
    public static Path defaultKeyFile(Path auditFile) {
        return auditFile.resolveSibling(auditFile.getFileName() + ".key");
    }

    static Path headOf(Path auditFile) {
        return auditFile.resolveSibling(auditFile.getFileName() + ".head");
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
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long next = seq + 1;
        String link = new AuditRecord(next, at, SOURCE, action, user, canonicalDetails(name, details), lastLink, "",
                AuditRecord.KEYED).computeLink(key);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", next);
        line.put("at", at.toString());
        line.put("user", user);
        line.put("name", name);
        line.put("action", action);
        line.put("details", new TreeMap<>(details));
        line.put("prev", lastLink);
        line.put("link", link);
        byte[] bytes = (new String(FleetJson.bytes(line), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.DSYNC);
            headFile.write(AuditHead.sign(key, SOURCE, next, link, 1, at));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console audit log " + file, e);
        }
        seq = next;
        lastLink = link;
    }

    /**
     * A log begun before the console linked its lines starts with lines of the old form ({@code at}, {@code user},
     * {@code name}, {@code action}, {@code details}; no {@code seq}, {@code prev} or {@code link}). Nothing proves
     * them: they are counted as legacy, unlinked, never as verified, and the chain is checked from the line after
     * them (whose {@code prev} is {@link #LEGACY_ANCHOR}, as the console continued such a log). Only a run at the
     * start counts: a line of the old form after a linked one breaks the chain like any other.
     *
     * @param legacyLines    how many legacy lines begin the file (0: none)
     * @param lastLegacyLine the line number of the last of them (blank lines between them counted as lines, as an
     *                       editor numbers them; 0: none)
     * @param chain          the linked lines after them, against the key and the signed head
     */
    public record Verification(long legacyLines, long lastLegacyLine, AuditVerification chain) {}

    /**
     * Checks the whole file against its key and its signed head: the first line that was edited, inserted, removed
     * or cut from the end is named, and legacy lines are counted apart — never as verified. There is no check that
     * returns the chain alone: a caller could not tell an intact log from one of legacy lines only.
     */
    public static Verification verify(Path file, Path keyFile) throws IOException {
        Lines lines = lines(file);
        if (lines.legacy() > 0 && lines.records().isEmpty() && !Files.exists(keyFile) && !Files.exists(headOf(file))) {
            // only legacy lines, from before the console had an audit key: nothing to check them against
            return new Verification(lines.legacy(), lines.legacyUpTo(), new AuditVerification(0, Optional.empty()));
        }
        AuditKey key = AuditKey.load(keyFile);
        Optional<AuditHead> head = new AuditHeadFile(headOf(file)).read();
        if (lines.legacy() == 0) {
            return new Verification(0, 0, AuditLog.verifyRecords(key, head, lines.records()));
        }
        return new Verification(lines.legacy(), lines.legacyUpTo(),
                AuditLog.verifyRecords(key, head, lines.records(), lines.legacyUpTo(), LEGACY_ANCHOR));
    }

    /** What the first linked line after legacy lines names as its predecessor's link (the console wrote it so). */
    static final String LEGACY_ANCHOR = "";

    /** @param legacyUpTo the line number of the last legacy line (the chain's sequence continues from it) */
    private record Lines(long legacy, long legacyUpTo, List<AuditRecord> records) {}

    /** The lines as chain records; a line that is not a record at all becomes one that cannot match its link. */
    private static Lines lines(Path file) throws IOException {
        List<AuditRecord> records = new ArrayList<>();
        long legacy = 0;
        long legacyUpTo = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (records.isEmpty() && isLegacy(line)) {
                    legacy++;
                    legacyUpTo = n;
                } else {
                    records.add(record(line, n));
                }
            }
        } catch (NoSuchFileException e) {
            return new Lines(0, 0, List.of());
        }
        return new Lines(legacy, legacyUpTo, records);
    }

    /** A line of the form before the chain: a JSON object with a time and an action and none of the chain's fields. */
    private static boolean isLegacy(String line) {
        try {
            JsonNode j = FleetJson.MAPPER.readTree(line);
            return j != null && j.isObject() && j.has("at") && j.has("action") && j.has("user")
                    && !j.has("seq") && !j.has("prev") && !j.has("link");
        } catch (IOException e) {
            return false;
        }
    }

    private static AuditRecord record(String line, long lineNumber) {
        try {
            JsonNode j = FleetJson.MAPPER.readTree(line);
            Map<String, String> details = new TreeMap<>();
            j.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            return new AuditRecord(j.path("seq").asLong(lineNumber), Instant.parse(j.path("at").asText()), SOURCE,
                    j.path("action").asText(), j.path("user").asText(),
                    canonicalDetails(j.path("name").asText(), details), j.path("prev").asText(),
                    j.path("link").asText(), j.has("link") ? AuditRecord.KEYED : AuditRecord.UNKEYED);
        } catch (IOException | RuntimeException e) { // garbled: keeps its place in the chain and fails its link check
            return new AuditRecord(lineNumber, Instant.EPOCH, SOURCE, "unreadable", "", line, "", "", AuditRecord.KEYED);
        }
    }

    /** The name and the details in one canonical JSON text (sorted keys), as the link covers them. */
    private static String canonicalDetails(String name, Map<String, String> details) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("details", new TreeMap<>(details));
        return new String(FleetJson.bytes(d), StandardCharsets.UTF_8);
    }
}
