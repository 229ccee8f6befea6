package org.openkiosk.app.store.journal;

/** A {@link JournalTarget} cannot take records now; the shipper tries the same record again later. */
public class TargetUnavailableException extends RuntimeException {
    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
