package org.openkiosk.app.service.audit;

import java.util.Optional;

/**
 * The result of walking the audit chain.
 *
 * @param recordsChecked how many records were read
 * @param firstBroken    the first record where the chain breaks, if any
 */
public record AuditVerification(long recordsChecked, Optional<BrokenLink> firstBroken) {

    /** @param seq the sequence number of the first bad record; @param reason what is wrong with it */
    public record BrokenLink(long seq, String reason) {}

    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
