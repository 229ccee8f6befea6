package org.openkiosk.app.service.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openkiosk.app.store.Store;

/**
 * Archives the oldest records of an audit chain to a file and only then deletes them (ADR 0067, 0176). The chain is
 * verified first (a broken chain is never archived: that would hide the break); the records older than the retention
 * are written with a signed {@link AuditArchiveCut} to a new file, forced to the device, read back and walked again
 * from the disk, compared with the database record by record; then, in one transaction, the cut is stored in
 * {@code audit_archive} and exactly those records are deleted. The cut's last link anchors the records that remain, so
 * {@link AuditLog#verify(Optional, List)} still walks the chain from record 1.
 */
public final class AuditArchive {

    /** ADR 0067: every record younger than six months is kept; archiving below this is refused. */
    public static final Duration MINIMUM_AGE = Duration.ofDays(180);
    /** What {@code audit archive} keeps by default: six months and a week, as the journal and {@code audit.log}. */
    public static final Duration DEFAULT_AGE = Duration.ofDays(190);

    /**
     * What an archive run did.
     *
     * @param file    the archive written; empty when there was nothing old enough
     * @param cut     its signed cut
     * @param deleted records deleted from the database (= the cut's records)
     */
    public record Outcome(Optional<Path> file, Optional<AuditArchiveCut> cut, long deleted) {}

    /**
     * Between the steps of a run (package-private: the tests' way to put a fault between two steps — a file changed on
     * the disk before it is read back, a record changed by another connection before the delete).
     */
    interface Steps {
        Steps NONE = new Steps() { };

        /** The archive is in place under its name, forced to the disk, and not yet read back. */
        default void written(Path file) {
        }

        /** The archive read back and verified against the database; the cut is not stored, nothing deleted yet. */
        default void verified(Path file) {
        }
    }

    private final Store store;
    private final AuditKey key;
    private final Clock clock;
    private final Steps steps;

    public AuditArchive(Store store, AuditKey key, Clock clock) {
        this(store, key, clock, Steps.NONE);
    }

    AuditArchive(Store store, AuditKey key, Clock clock, Steps steps) {
        this.store = Objects.requireNonNull(store);
        this.key = Objects.requireNonNull(key);
        this.clock = Objects.requireNonNull(clock);
        this.steps = Objects.requireNonNull(steps);
    }

    /**
     * Archives every record written more than {@code keep} ago (and before the first younger one) into a new file in
     * {@code directory}, then deletes them.
     *
     * @param chain         the chain's name in the archive ({@code store}, {@code journal})
     * @param publishedHead checked with the chain before anything is archived
     * @throws AuditArchiveException when the chain does not verify, the archive cannot be written or does not read
     *                               back as written, or the records changed meanwhile: nothing is deleted then
     */
    public Outcome archive(String chain, Duration keep, Path directory, Optional<AuditHead> publishedHead) {
        if (keep.compareTo(MINIMUM_AGE) < 0) {
            throw new AuditArchiveException("records younger than " + MINIMUM_AGE.toDays() + " days are kept"
                    + " (ADR 0067): cannot archive records only " + keep.toDays() + " days old");
        }
        AuditVerification before = new AuditLog(store, clock, "archive", key, Optional.empty()).verify(publishedHead);
        if (!before.intact()) {
            AuditVerification.BrokenLink b = before.firstBroken().orElseThrow();
            throw new AuditArchiveException("the audit trail is BROKEN at record " + b.seq() + " (" + b.kind() + "): "
                    + b.reason() + "; nothing archived or deleted (an archive would hide the break)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant olderThan = now.minus(keep);
        Selection selection = store.inTransaction(c -> select(c, olderThan));
        if (selection.records().isEmpty()) {
            return new Outcome(Optional.empty(), Optional.empty(), 0);
        }
        List<AuditRecord> records = selection.records();
        long from = records.get(0).seq();
        long through = records.get(records.size() - 1).seq();
        Path file = directory.resolve(AuditArchiveFile.fileName(chain, from, through)).toAbsolutePath();
        AuditArchiveCut cut = write(file, chain, selection, now);
        steps.written(file);
        checkReadBack(file, cut, selection);
        steps.verified(file);
        long deleted = store.inTransaction(c -> cutAndDelete(c, cut, selection.records()));
        return new Outcome(Optional.of(file), Optional.of(cut), deleted);
    }

    private record Selection(List<AuditRecord> records, String prevLink, long firstKeyed, Instant keyedSince) {}

    private Selection select(Connection c, Instant olderThan) throws SQLException {
        Optional<AuditArchiveCut> last = latestCut(c);
        long from = last.map(cut -> cut.throughSeq() + 1).orElse(1L);
        long firstYoung;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(seq) FROM audit_log WHERE seq >= ? AND recorded_at >= ?")) {
            ps.setLong(1, from);
            ps.setObject(2, OffsetDateTime.ofInstant(olderThan, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                firstYoung = rs.wasNull() ? Long.MAX_VALUE : min;
            }
        }
        List<AuditRecord> records = records(c, from, firstYoung, "");
        long firstKeyed = last.map(AuditArchiveCut::firstKeyed).orElse(0L);
        Instant keyedSince = last.map(AuditArchiveCut::keyedSince).orElse(null);
        for (AuditRecord r : records) {
            if (firstKeyed == 0 && r.version() == AuditRecord.KEYED) {
                firstKeyed = r.seq();
                keyedSince = r.recordedAt();
            }
        }
        return new Selection(records, last.map(AuditArchiveCut::link).orElse(AuditLog.genesisHash()), firstKeyed,
                keyedSince);
    }

    /** The records {@code from} ≤ seq < {@code toExclusive} in order, as stored; {@code tail} e.g. a row lock. */
    private static List<AuditRecord> records(Connection c, long from, long toExclusive, String tail)
            throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash, link_version"
                        + " FROM audit_log WHERE seq >= ? AND seq < ? ORDER BY seq" + tail)) {
            ps.setLong(1, from);
            ps.setLong(2, toExclusive);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7).strip(), rs.getString(8).strip(), rs.getInt(9)));
                }
            }
        }
        return records;
    }

    private AuditArchiveCut write(Path file, String chain, Selection selection, Instant now) {
        if (Files.exists(file)) {
            throw new AuditArchiveException(file + " exists already; nothing archived or deleted (move it away: an"
                    + " archive is never overwritten)");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(partial);
            AuditArchiveCut cut = AuditArchiveFile.write(partial, chain, selection.records(), key,
                    selection.prevLink(), selection.firstKeyed(), selection.keyedSince(), now);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(file.getParent()); // the rename durable before any record is deleted
            return cut;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // left behind; the next run replaces it
            }
            throw new AuditArchiveException("cannot write the archive " + file + ": " + e
                    + "; nothing deleted", e);
        }
    }

    /** Makes a rename in {@code dir} durable (POSIX); where a directory cannot be opened this is skipped. */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there
        }
    }

    /** Reads the archive back from the disk and walks it as {@code audit verify} would, against the database's rows. */
    private void checkReadBack(Path file, AuditArchiveCut cut, Selection selection) {
        AuditArchiveFile read;
        try {
            read = AuditArchiveFile.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new AuditArchiveException("the archive " + file + " does not read back: " + e.getMessage()
                    + "; nothing deleted", e);
        }
        ChainWalk walk = ChainWalk.after(key, cut.fromSeq() - 1, selection.prevLink());
        Optional<AuditVerification> problem = walk.acceptArchive(read, cut);
        String difference = problem.map(p -> p.firstBroken().orElseThrow().reason()).orElse(null);
        if (difference == null && !read.records().equals(selection.records())) {
            difference = "its records are not the database's";
        }
        if (difference != null) {
            throw new AuditArchiveException("the archive " + file + " does not verify as written (" + difference
                    + "); nothing deleted — the file is left for inspection");
        }
    }

    /**
     * Stores the cut and deletes exactly its records, in the caller's transaction; refuses when the records in the
     * database are no longer the archived ones.
     */
    private long cutAndDelete(Connection c, AuditArchiveCut cut, List<AuditRecord> archived) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_log WHERE seq <= ?")) {
            ps.setLong(1, cut.throughSeq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != cut.records() || rs.getLong(2) != cut.fromSeq()) {
                    throw new AuditArchiveException("the database now holds " + rs.getLong(1) + " records up to "
                            + cut.throughSeq() + ", not the " + cut.records() + " archived; nothing deleted");
                }
            }
        }
        // every archived record as the archive holds it, locked until the delete (an edit of any column after the
        // read-back — not only of the last link — would otherwise be deleted unseen)
        List<AuditRecord> now = records(c, cut.fromSeq(), cut.throughSeq() + 1, " FOR UPDATE");
        for (int i = 0; i < archived.size(); i++) {
            AuditRecord was = archived.get(i);
            if (i >= now.size() || !now.get(i).equals(was)) {
                throw new AuditArchiveException("record " + was.seq() + " changed after it was archived;"
                        + " nothing deleted");
            }
        }
        if (now.size() != archived.size() || !now.get(now.size() - 1).hash().equals(cut.link())) {
            throw new AuditArchiveException("record " + cut.throughSeq() + " changed after it was archived;"
                    + " nothing deleted");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_archive (through_seq, from_seq, archived_at, cut) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, cut.throughSeq());
            ps.setLong(2, cut.fromSeq());
            ps.setObject(3, OffsetDateTime.ofInstant(cut.archivedAt(), ZoneOffset.UTC));
            ps.setString(4, cut.text());
            ps.executeUpdate();
        }
        long deleted;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE seq >= ? AND seq <= ?")) {
            ps.setLong(1, cut.fromSeq());
            ps.setLong(2, cut.throughSeq());
            deleted = ps.executeUpdate();
        }
        if (deleted != cut.records()) {
            throw new AuditArchiveException("deleting records " + cut.fromSeq() + "–" + cut.throughSeq() + " removed "
                    + deleted + " rows, not " + cut.records() + "; rolled back");
        }
        store.requireDurableCommit(c);
        return deleted;
    }

    private static Optional<AuditArchiveCut> latestCut(Connection c) throws SQLException {
        SortedMap<Long, AuditArchiveCut> cuts = cuts(c, List.of());
        return cuts.isEmpty() ? Optional.empty() : Optional.of(cuts.get(cuts.lastKey()));
    }

    /**
     * The cuts the database holds, with those of the archive files given (a file's own cut stands in for a cut row
     * that is missing), by last record.
     *
     * @throws IllegalArgumentException when a stored cut cannot be read, or a file's cut differs from the stored one
     */
    static SortedMap<Long, AuditArchiveCut> cuts(Connection c, List<AuditArchiveFile> files) throws SQLException {
        SortedMap<Long, AuditArchiveCut> cuts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT through_seq, cut FROM audit_archive ORDER BY through_seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AuditArchiveCut cut;
                try {
                    cut = AuditArchiveCut.parse(rs.getString(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the archive cut stored for record " + rs.getLong(1)
                            + " cannot be read (" + e.getMessage() + "): it was edited");
                }
                if (cut.throughSeq() != rs.getLong(1)) {
                    throw new IllegalArgumentException("the archive cut stored for record " + rs.getLong(1)
                            + " names record " + cut.throughSeq() + ": it was edited");
                }
                cuts.put(cut.throughSeq(), cut);
            }
        }
        for (AuditArchiveFile file : files) {
            if (file.cut().isPresent()) {
                AuditArchiveCut own = file.cut().get();
                AuditArchiveCut stored = cuts.get(own.throughSeq());
                if (stored == null) {
                    cuts.put(own.throughSeq(), own);
                } else if (!stored.equals(own)) {
                    throw new IllegalArgumentException("the archive " + file + " is not the archive the database's"
                            + " cut for records " + stored.fromSeq() + "–" + stored.throughSeq() + " names (another"
                            + " digest, link or signature)");
                }
            }
        }
        return cuts;
    }
}
