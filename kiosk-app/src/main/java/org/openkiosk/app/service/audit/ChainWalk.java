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
