package org.openkiosk.app.store.journal;

/** A {@link JournalTarget} refuses one record for good; the shipper sets it aside and reports it. */
public class TargetRejectedException extends RuntimeException {
    public TargetRejectedException(String message) {
        super(message);
    }
}
