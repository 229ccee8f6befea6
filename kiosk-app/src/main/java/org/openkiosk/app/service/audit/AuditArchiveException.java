package org.openkiosk.app.service.audit;

/** An audit archive run stopped before deleting anything (ADR 0176); the message says why, for a technician. */
public final class AuditArchiveException extends RuntimeException {

    public AuditArchiveException(String message) {
        super(message);
    }

    public AuditArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
