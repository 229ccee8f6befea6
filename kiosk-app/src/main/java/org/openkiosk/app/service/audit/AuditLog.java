package org.openkiosk.app.service.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openkiosk.app.service.audit.AuditVerification.Kind;
import org.openkiosk.app.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit trail, chained with keyed links (HMAC-SHA256 under an {@link AuditKey} the database does
 * not hold, ADR 0064). {@link #append} runs inside the caller's transaction, so the audited change and its record
 * commit or roll back together; {@link #record} is for events that change nothing else. The single
 * {@code audit_head} row is locked by every append, which gives one global order even with several kiosks on one
 * PostgreSQL database. After each commit the signed chain head ({@link #head()}) is published outside the
 * database, to the head file when there is one, so that removing the newest records is detected too.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final Store store;
    private final Clock clock;
    private final String kioskId;
    private final AuditKey key;
    private final Optional<AuditHeadFile> headFile;
    private final Object publishLock = new Object();
    private final List<Consumer<AuditHead>> headListeners = new CopyOnWriteArrayList<>();
    /** The newest head this kiosk signed (or found in its head file at start). */
    private AuditHead published;
    /** Set when the trail turned out shorter than the published head: the head is then kept as evidence. */
    private volatile boolean headFrozen;

    /**
     * A trail keyed with a throw-away key and no head file: for tests and tools whose records are never verified
     * by another process. The kiosk runtime uses {@link #AuditLog(Store, Clock, String, AuditKey, Optional)}.
     */
    public AuditLog(Store store, Clock clock, String kioskId) {
        this(store, clock, kioskId, AuditKey.ephemeral(), Optional.empty());
    }

    /**
     * @param key      keys every new record's link and signs the head
     * @param headFile where the signed head is published after each commit (read back at start); empty: in memory
     */
    public AuditLog(Store store, Clock clock, String kioskId, AuditKey key, Optional<AuditHeadFile> headFile) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.kioskId = Objects.requireNonNull(kioskId);
        this.key = Objects.requireNonNull(key, "key");
        this.headFile = Objects.requireNonNull(headFile, "headFile");
        headFile.ifPresent(this::readPublishedHead);
    }

    /** The database this trail is in (a hall kiosk's journal chain is in its journal file, ADR 0160). */
    public Store store() {
        return store;
    }

    private void readPublishedHead(AuditHeadFile file) {
        try {
            Optional<AuditHead> head = file.read();
            if (head.isPresent() && !head.get().signedBy(key)) {
                log.error("the audit head file {} is not signed with the audit key {}: kept untouched as evidence;"
                        + " run ./kiosk audit verify", file, key.id());
                headFrozen = true;
            }
            published = head.orElse(null);
        } catch (IOException e) {
            log.error("cannot read the audit head file {}: {}; it is replaced after the next record", file,
                    e.getMessage());
        }
    }

    /**
     * The keyed reference of a certificate print row's holder key, for the print records: it ties a record to its
     * row's holder without revealing who that is (ADR 0066).
     */
    public String holderReference(String holderKey) {
        return PrintRecordCheck.holderReference(key, holderKey);
    }

    /** The key's public name ({@link AuditKey#id()}), for messages. */
    public String keyId() {
        return key.id();
    }

    /** Appends a record within the caller's open transaction; call it last, to hold the head lock briefly. */
    public AuditRecord append(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("audit_head row is missing; the audit trail cannot be extended");
            }
        }
        long seq;
        String prevLink;
        long firstKeyed;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT last_seq, last_hash, first_keyed FROM audit_head WHERE id = 1");
             ResultSet rs = head.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            prevLink = rs.getString(2);
            long stored = rs.getLong(3);
            firstKeyed = rs.wasNull() ? seq : stored;
        }
        AuditHead before = publishedHead();
        if (before != null) {
            if (seq <= before.seq() && !headFrozen) {
                headFrozen = true;
                log.error("the audit trail is shorter than its published head: record {} is being written again"
                        + " although record {} was published; the head is kept as evidence — run ./kiosk audit verify",
                        seq, before.seq());
            }
            firstKeyed = Math.min(firstKeyed, before.firstKeyed());
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditRecord unsigned = new AuditRecord(seq, at, kioskId, entry.action().name(), entry.subject(),
                entry.detailsText(), prevLink, null, AuditRecord.KEYED);
        AuditRecord record = unsigned.withLink(unsigned.computeLink(key));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash,"
                        + " link_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(3, kioskId);
            insert.setString(4, record.action());
            insert.setString(5, record.subject());
            insert.setString(6, record.details());
            insert.setString(7, prevLink);
            insert.setString(8, record.hash());
            insert.setInt(9, AuditRecord.KEYED);
            insert.executeUpdate();
        }
        try (PreparedStatement advance = connection.prepareStatement(
                "UPDATE audit_head SET last_hash = ?, first_keyed = ? WHERE id = 1")) {
            advance.setString(1, record.hash());
            advance.setLong(2, firstKeyed);
            advance.executeUpdate();
        }
        AuditHead head = AuditHead.sign(key, kioskId, seq, record.hash(), firstKeyed, at);
        store.afterCommit(connection, () -> publish(head));
        return record;
    }

    /** Appends one record in its own transaction (identifications, queries, maintenance actions). Blocks. */
    public AuditRecord record(AuditEntry entry) {
        return store.inTransaction(c -> append(c, entry));
    }

    /**
     * Calls {@code listener} with every newly published head, on the thread that committed the record (e.g. for the
     * fleet link to publish it as retained state). Keep it short; it must not throw.
     */
    public void addHeadListener(Consumer<AuditHead> listener) {
        headListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeHeadListener(Consumer<AuditHead> listener) {
        headListeners.remove(listener);
    }

    /** Makes {@code head} the published head if it is newer, writes the head file and tells the listeners. */
    private void publish(AuditHead head) {
        synchronized (publishLock) {
            if (headFrozen || (published != null && head.seq() <= published.seq())) {
                return;
            }
            published = head;
            if (headFile.isPresent()) {
                try {
                    headFile.get().write(head);
                } catch (IOException e) {
                    log.error("cannot write the audit head file {}: {}", headFile.get(), e.toString());
                }
            }
        }
        for (Consumer<AuditHead> listener : headListeners) {
            try {
                listener.accept(head);
            } catch (RuntimeException e) {
                log.warn("an audit head listener failed", e);
            }
        }
    }

    private AuditHead publishedHead() {
        synchronized (publishLock) {
            return published;
        }
    }

    /**
     * The newest chain head this kiosk signed (or read from its head file at start), for publishing outside the
     * database, e.g. as the fleet link's retained state. Empty before the first record.
     */
    public Optional<AuditHead> head() {
        return Optional.ofNullable(publishedHead());
    }

    /** Checks the chain against this kiosk's published head ({@link #head()}), when there is one. */
    public AuditVerification verify() {
        return verify(head());
    }

    /**
     * Walks the chain from the first record: each must follow its predecessor without a gap, name the
     * predecessor's link, match its own link (keyed records under the audit key), and no unkeyed record may follow
     * a keyed one; the database's head row must point at the last record. With {@code publishedHead}, it must be
     * signed with the key, the trail must reach its record with the same link, and records from its
     * {@code firstKeyed} on must be keyed. Certificate print rows are cross-checked against the trail.
     */
    public AuditVerification verify(Optional<AuditHead> publishedHead) {
        return verify(publishedHead, List.of());
    }

    /**
     * {@link #verify(Optional)} across archive cuts (ADR 0176): the records archived and deleted are walked from the
     * {@code archives} given, and where an archive's file is not given its signed cut vouches for its records (the
     * result lists those cuts as {@link AuditVerification#uncheckedArchives()}). An archive given is checked in full:
     * complete, unchanged, exactly the records its cut names.
     */
    public AuditVerification verify(Optional<AuditHead> publishedHead, List<AuditArchiveFile> archives) {
        if (publishedHead.isPresent() && !publishedHead.get().signedBy(key)) {
            AuditHead h = publishedHead.get();
            return broken(0, h.seq(), Kind.HEAD_NOT_SIGNED, "the published head (record " + h.seq() + ", key "
                    + h.keyId() + ") is not signed with the audit key " + key.id()
                    + ": it was forged, or this is not the key the trail was written with");
        }
        return store.inTransaction(connection -> {
            ChainWalk walk = new ChainWalk(key, publishedHead);
            List<AuditArchiveCut> unchecked = new java.util.ArrayList<>();
            List<AuditRecord> archived = new java.util.ArrayList<>();
            java.util.SortedMap<Long, AuditArchiveCut> cuts;
            try {
                cuts = AuditArchive.cuts(connection, archives);
            } catch (IllegalArgumentException e) {
                return broken(0, 0, Kind.ARCHIVE_MISMATCH, e.getMessage());
            }
            for (AuditArchiveCut cut : cuts.values()) {
                Optional<AuditArchiveFile> file = archives.stream()
                        .filter(a -> a.cut().map(c -> c.throughSeq() == cut.throughSeq()).orElse(
                                a.through() == cut.throughSeq()))
                        .findFirst();
                Optional<AuditVerification> problem;
                if (file.isPresent()) {
                    problem = walk.acceptArchive(file.get(), cut);
                    archived.addAll(file.get().records());
                } else {
                    problem = walk.skipArchived(cut);
                    unchecked.add(cut);
                }
                if (problem.isPresent()) {
                    return problem.get();
                }
            }
            for (AuditArchiveFile file : archives) {
                if (file.cut().isEmpty() && !cuts.containsKey(file.through())) {
                    return broken(walk.checked(), file.from(), Kind.ARCHIVE_MISMATCH, "the archive " + file
                            + " is incomplete (it does not end with its signed cut) and the database names no cut"
                            + " for its records " + file.from() + "–" + file.through());
                }
            }
            long archivedThrough = cuts.isEmpty() ? 0 : cuts.lastKey();
            try (PreparedStatement left = connection.prepareStatement(
                    "SELECT MIN(seq) FROM audit_log WHERE seq <= ?")) {
                left.setLong(1, archivedThrough);
                try (ResultSet rs = left.executeQuery()) {
                    long seq = rs.next() ? rs.getLong(1) : 0;
                    if (seq > 0) { // archived records are deleted with their cut: these would not be walked at all
                        return broken(walk.checked(), seq, Kind.ARCHIVE_MISMATCH, "record " + seq + " is still in the"
                                + " database although an archive cut covers the records up to " + archivedThrough
                                + " (an archive run that did not delete, or records put back)");
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash, link_version"
                            + " FROM audit_log WHERE seq > ? ORDER BY seq")) {
                query.setLong(1, archivedThrough);
                query.setFetchSize(500);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord r = new AuditRecord(rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getInt(9));
                        Optional<AuditVerification> problem = walk.accept(r);
                        if (problem.isPresent()) {
                            return problem.get();
                        }
                    }
                }
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = head.executeQuery()) {
                if (!rs.next()) {
                    return broken(walk.checked(), walk.lastSeq() + 1, Kind.TRUNCATED, "the audit head row was deleted");
                }
                if (rs.getLong(1) != walk.lastSeq() || !rs.getString(2).strip().equals(walk.lastLink())) {
                    return broken(walk.checked(), walk.lastSeq() + 1, Kind.TRUNCATED, "records from "
                            + (walk.lastSeq() + 1) + " to " + rs.getLong(1)
                            + " were removed from the end of the trail (the database's head row names record "
                            + rs.getLong(1) + ")");
                }
            }
            Optional<AuditVerification> headProblem = walk.checkPublishedHead();
            if (headProblem.isPresent()) {
                return headProblem.get();
            }
            Optional<java.time.Instant> uncheckedUntil = unchecked.stream().map(AuditArchiveCut::lastRecordedAt)
                    .max(java.util.Comparator.naturalOrder());
            Optional<AuditVerification.BrokenLink> printProblem = new PrintRecordCheck(key)
                    .check(connection, walk.lastSeq(), walk.keyedSince(), archived, uncheckedUntil);
            return new AuditVerification(walk.checked(), printProblem, unchecked);
        });
    }

    static AuditVerification broken(long checked, long seq, Kind kind, String reason) {
        return new AuditVerification(checked, Optional.of(new AuditVerification.BrokenLink(seq, reason, kind)));
    }

    /**
     * Walks a chain kept outside the database (the operator console's JSON-lines audit file, ADR 0153) with the same
     * rules as {@link #verify(Optional)}: no gap, each record names its predecessor's link and matches its own (keyed
     * records under {@code key}), and with {@code publishedHead} (signed with the key) the chain reaches its record
     * with the same link, so lines removed from the end show.
     */
    public static AuditVerification verifyRecords(AuditKey key, Optional<AuditHead> publishedHead,
                                                  Iterable<AuditRecord> records) {
        return verifyRecords(key, publishedHead, records, 0, genesisHash());
    }

    /**
     * As {@link #verifyRecords(AuditKey, Optional, Iterable)} for a chain that begins after record {@code afterSeq}
     * with link {@code afterLink} instead of at the genesis (the console's log after its unlinked legacy lines).
     */
    public static AuditVerification verifyRecords(AuditKey key, Optional<AuditHead> publishedHead,
                                                  Iterable<AuditRecord> records, long afterSeq, String afterLink) {
        if (publishedHead.isPresent() && !publishedHead.get().signedBy(key)) {
            AuditHead h = publishedHead.get();
            return broken(0, h.seq(), Kind.HEAD_NOT_SIGNED, "the head (record " + h.seq() + ", key " + h.keyId()
                    + ") is not signed with the audit key " + key.id());
        }
        ChainWalk walk = new ChainWalk(key, publishedHead, afterSeq, afterLink);
        for (AuditRecord r : records) {
            Optional<AuditVerification> problem = walk.accept(r);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        return walk.checkPublishedHead().orElse(new AuditVerification(walk.checked(), Optional.empty()));
    }

    /** What the first record of a chain names as its predecessor's link. */
    public static String genesisHash() {
        return "0".repeat(64);
    }

    /** This kiosk's newest record of {@code action}, if any (e.g. the configuration last recorded). Blocks. */
    public Optional<AuditRecord> latest(AuditAction action) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, recorded_at, kiosk_id, action, subject, details, prev_hash, hash, link_version"
                            + " FROM audit_log WHERE kiosk_id = ? AND action = ? ORDER BY seq DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, kioskId);
                ps.setString(2, action.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<AuditRecord>empty();
                    }
                    return Optional.of(new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getInt(9)));
                }
            }
        });
    }

    /** Number of records, for statistics and tests. */
    public long size() {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
