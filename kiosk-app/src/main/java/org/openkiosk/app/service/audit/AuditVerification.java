package org.openkiosk.app.service.audit;

import java.util.List;
import java.util.Optional;

/**
 * The result of walking the audit chain.
 *
 * @param recordsChecked how many records were read
 * @param firstBroken    the first record where the chain breaks, if any
 * @param uncheckedArchives archived records (ADR 0176) vouched for by their signed cut only, because their archive
 *                       file was not given
 */
public record AuditVerification(long recordsChecked, Optional<BrokenLink> firstBroken,
                                List<AuditArchiveCut> uncheckedArchives) {

    public AuditVerification {
        uncheckedArchives = List.copyOf(uncheckedArchives);
    }

    /** A walk that met no archive cut whose file was missing. */
    public AuditVerification(long recordsChecked, Optional<BrokenLink> firstBroken) {
        this(recordsChecked, firstBroken, List.of());
    }

    /** What kind of break was found. */
    public enum Kind {
        /** A sequence number is missing: a record was deleted. */
        MISSING,
        /** The record does not name its predecessor's link: a record was inserted or replaced. */
        MISLINKED,
        /** The record does not match its link: edited, or its link recomputed without the audit key. */
        ALTERED,
        /** An unkeyed link where the chain is keyed: the chain was recomputed without the key. */
        DOWNGRADED,
        /** Newest records are gone: the trail is shorter than its head (in the database or published outside). */
        TRUNCATED,
        /** The record named by the published head carries another link: the chain was rewritten. */
        REWRITTEN,
        /** The published head is not signed with the audit key: forged, or checked with the wrong key. */
        HEAD_NOT_SIGNED,
        /** A certificate print row and the trail disagree: the print records were edited. */
        PRINT_MISMATCH,
        /**
         * An archive of the oldest records (ADR 0176) does not match the chain: incomplete, edited, not the archive
         * its signed cut names, or the cut itself forged.
         */
        ARCHIVE_MISMATCH
    }

    /**
     * @param seq    the sequence number of the first bad record
     * @param reason what is wrong with it, in words
     * @param kind   what kind of break it is
     */
    public record BrokenLink(long seq, String reason, Kind kind) {

        /** A break of unspecified kind (kept for callers written before ADR 0064). */
        public BrokenLink(long seq, String reason) {
            this(seq, reason, Kind.ALTERED);
        }
    }

    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
