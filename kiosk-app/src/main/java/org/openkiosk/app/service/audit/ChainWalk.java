package org.openkiosk.app.service.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openkiosk.app.service.audit.AuditVerification.Kind;

/** The state of one walk along the chain, oldest record first; reports the first break it meets. */
final class ChainWalk {

    private final AuditKey key;
    private final Optional<AuditHead> publishedHead;
    private long checked;
    private long lastSeq;
    private String lastLink = AuditLog.genesisHash();
    private long firstKeyedSeen = -1;
    private String linkAtPublishedSeq;
    private java.time.Instant keyedSince;
    /** The published head names a record inside an archive whose file was not given: its link cannot be read. */
    private boolean headInUncheckedArchive;

    ChainWalk(AuditKey key, Optional<AuditHead> publishedHead) {
        this.key = key;
        this.publishedHead = publishedHead;
    }

    /** A walk whose first record follows record {@code afterSeq} with link {@code afterLink} (not the genesis). */
    ChainWalk(AuditKey key, Optional<AuditHead> publishedHead, long afterSeq, String afterLink) {
        this(key, publishedHead);
        this.lastSeq = afterSeq;
        this.lastLink = afterLink;
    }

    /** A walk that starts after record {@code seq} with link {@code link} (an archive's first record follows). */
    static ChainWalk after(AuditKey key, long seq, String link) {
        return new ChainWalk(key, Optional.empty(), seq, link);
    }

    /** Checks the next record; a break is returned as the walk's result. */
    Optional<AuditVerification> accept(AuditRecord r) {
        checked++;
        long expectedSeq = lastSeq + 1;
        if (r.seq() != expectedSeq) {
            // a gap is reported at the first missing sequence number
            return broken(expectedSeq, Kind.MISSING, "record " + expectedSeq + (r.seq() - expectedSeq == 1 ? " is"
                    : "–" + (r.seq() - 1) + " are") + " missing (deleted; the next present record is " + r.seq() + ")");
        }
        if (!lastLink.equals(r.prevHash().strip())) {
            return broken(r.seq(), Kind.MISLINKED, "its previous-link field does not match the link of record "
                    + (r.seq() - 1) + " (a record was inserted or replaced here)");
        }
        if (r.version() == AuditRecord.UNKEYED) {
            if (firstKeyedSeen > 0) {
                return broken(r.seq(), Kind.DOWNGRADED, "it carries an unkeyed link after keyed record "
                        + firstKeyedSeen + " (the chain was recomputed by someone without the audit key)");
            }
            long keyedFrom = publishedHead.map(AuditHead::firstKeyed).orElse(Long.MAX_VALUE);
            if (r.seq() >= keyedFrom) {
                return broken(r.seq(), Kind.DOWNGRADED, "it carries an unkeyed link, but the published head says"
                        + " records are keyed from " + keyedFrom + " on (the chain was recomputed without the key)");
            }
        } else if (r.version() != AuditRecord.KEYED) {
            return broken(r.seq(), Kind.ALTERED, "its link version " + r.version() + " is unknown (altered)");
        }
        if (!sameLink(r.computeLink(key), r.hash())) {
            String hint = r.version() == AuditRecord.KEYED && firstKeyedSeen < 0
                    ? ", or " + key.origin() + " (key " + key.id() + ") is not the key this trail was written with"
                    : "";
            return broken(r.seq(), Kind.ALTERED, "content does not match its link (record altered after it was"
                    + " written, or its link recomputed without the audit key" + hint + ")");
        }
        if (r.version() == AuditRecord.KEYED && firstKeyedSeen < 0) {
            firstKeyedSeen = r.seq();
            keyedSince = r.recordedAt();
        }
        if (publishedHead.isPresent() && r.seq() == publishedHead.get().seq()) {
            linkAtPublishedSeq = r.hash().strip();
        }
        lastSeq = r.seq();
        lastLink = r.hash().strip();
        return Optional.empty();
    }

    /**
     * Continues after archived records whose archive file was not given (ADR 0176): the cut, signed with the key,
     * vouches for them; it must follow the records walked so far and name their last link.
     */
    Optional<AuditVerification> skipArchived(AuditArchiveCut cut) {
        Optional<AuditVerification> joined = joins(cut);
        if (joined.isPresent()) {
            return joined;
        }
        if (publishedHead.isPresent() && publishedHead.get().seq() >= cut.fromSeq()
                && publishedHead.get().seq() <= cut.throughSeq()) {
            if (publishedHead.get().seq() == cut.throughSeq()) {
                linkAtPublishedSeq = cut.link();
            } else {
                headInUncheckedArchive = true;
            }
        }
        if (cut.firstKeyed() > 0 && firstKeyedSeen < 0) {
            firstKeyedSeen = cut.firstKeyed();
            keyedSince = cut.keyedSince();
        }
        lastSeq = cut.throughSeq();
        lastLink = cut.link();
        return Optional.empty();
    }

    /**
     * Walks an archive file's records in place of the database's (ADR 0176): the file must be complete, carry the
     * cut given (the database's, or its own when the database has none), hold exactly the cut's records in order,
     * and hash to the cut's digest.
     */
    Optional<AuditVerification> acceptArchive(AuditArchiveFile file, AuditArchiveCut cut) {
        Optional<AuditVerification> joined = joins(cut);
        if (joined.isPresent()) {
            return joined;
        }
        if (file.cut().isEmpty()) {
            return broken(cut.fromSeq(), Kind.ARCHIVE_MISMATCH, "the archive " + file + " is incomplete: it does not"
                    + " end with its signed cut (cut short while written or copied)");
        }
        if (!file.cut().get().equals(cut)) {
            return broken(cut.fromSeq(), Kind.ARCHIVE_MISMATCH, "the archive " + file + " is not the archive the"
                    + " database's cut for records " + cut.fromSeq() + "–" + cut.throughSeq() + " names");
        }
        for (AuditRecord r : file.records()) {
            if (r.seq() > cut.throughSeq()) {
                return broken(r.seq(), Kind.ARCHIVE_MISMATCH, "the archive " + file + " holds record " + r.seq()
                        + " after its last, " + cut.throughSeq() + " (a line was added)");
            }
            Optional<AuditVerification> problem = accept(r);
            if (problem.isPresent()) {
                return Optional.of(withArchive(problem.get(), file));
            }
        }
        if (lastSeq < cut.throughSeq()) {
            return broken(lastSeq + 1, Kind.ARCHIVE_MISMATCH, "the archive " + file + " ends at record " + lastSeq
                    + " but its cut names " + cut.throughSeq() + ": record " + (lastSeq + 1) + " on are missing from"
                    + " it (the archive is incomplete)");
        }
        if (!lastLink.equals(cut.link())) {
            return broken(cut.throughSeq(), Kind.ARCHIVE_MISMATCH, "the archive " + file + "'s last record does not"
                    + " carry the link its cut names");
        }
        if (!file.sha256().equals(cut.archiveSha256())) {
            return broken(cut.fromSeq(), Kind.ARCHIVE_MISMATCH, "the archive " + file + " was changed after it was"
                    + " made (its SHA-256 is not the one its signed cut names)");
        }
        return Optional.empty();
    }

    private Optional<AuditVerification> joins(AuditArchiveCut cut) {
        if (!cut.signedBy(key)) {
            return broken(cut.fromSeq(), Kind.ARCHIVE_MISMATCH, "the archive cut of records " + cut.fromSeq() + "–"
                    + cut.throughSeq() + " is not signed with the audit key " + key.id()
                    + " (forged, or this is not the key the trail was written with)");
        }
        if (cut.fromSeq() != lastSeq + 1) {
            return broken(lastSeq + 1, Kind.MISSING, "record " + (lastSeq + 1) + (cut.fromSeq() - lastSeq > 2 ? "–"
                    + (cut.fromSeq() - 1) + " are" : " is") + " missing (deleted; the next archive starts at "
                    + cut.fromSeq() + ")");
        }
        if (!lastLink.equals(cut.prevLink())) {
            return broken(cut.fromSeq(), Kind.MISLINKED, "the archive cut of records " + cut.fromSeq() + "–"
                    + cut.throughSeq() + " does not follow the link of record " + lastSeq);
        }
        return Optional.empty();
    }

    private static AuditVerification withArchive(AuditVerification v, AuditArchiveFile file) {
        AuditVerification.BrokenLink b = v.firstBroken().orElseThrow();
        return new AuditVerification(v.recordsChecked(), Optional.of(new AuditVerification.BrokenLink(b.seq(),
                "in the archive " + file + ": " + b.reason(), b.kind())));
    }

    /** After the last record: the trail must reach the published head's record, with the same link. */
    Optional<AuditVerification> checkPublishedHead() {
        if (publishedHead.isEmpty()) {
            return Optional.empty();
        }
        AuditHead head = publishedHead.get();
        if (lastSeq < head.seq()) {
            return broken(lastSeq + 1, Kind.TRUNCATED, (lastSeq + 1 == head.seq() ? "record " + head.seq() + " was"
                    : "records from " + (lastSeq + 1) + " to " + head.seq() + " were") + " removed from the end of the trail (the head published outside the database, signed"
                    + " by kiosk " + head.kioskId() + " at " + head.at() + ", names record " + head.seq() + ")");
        }
        if (headInUncheckedArchive) {
            return Optional.empty(); // vouched for by a signed cut; checked when its archive file is given
        }
        if (!head.link().equals(linkAtPublishedSeq)) {
            return broken(head.seq(), Kind.REWRITTEN, "it is not the record the head published outside the database"
                    + " names (signed by kiosk " + head.kioskId() + " at " + head.at() + "): the chain was rewritten");
        }
        return Optional.empty();
    }

    /** When the first keyed record was written, if there is one. */
    Optional<java.time.Instant> keyedSince() {
        return Optional.ofNullable(keyedSince);
    }

    long checked() {
        return checked;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastLink() {
        return lastLink;
    }

    private Optional<AuditVerification> broken(long seq, Kind kind, String reason) {
        return Optional.of(AuditLog.broken(checked, seq, kind, reason));
    }

    private static boolean sameLink(String expected, String stored) {
        return stored != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
