package org.openkiosk.app.service.audit;

/** What happened; every one of these is written to the audit trail in the same transaction as the change. */
public enum AuditAction {
    CERTIFICATE_PRINTED,
    CERTIFICATE_PRINT_FAILED,
    BOOKED,
    CANCELLED,
    RESCHEDULED,
    CHECKED_IN,
    WALK_IN_TICKET,
    RATED
}
