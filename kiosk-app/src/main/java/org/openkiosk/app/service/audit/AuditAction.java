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
    RATED,
    /** A signed fleet command was verified and carried out (or failed while being carried out). */
    FLEET_COMMAND_ACCEPTED,
    /** A fleet command was refused: malformed, unsigned, wrongly signed, expired, replayed, not for this kiosk. */
    FLEET_COMMAND_REJECTED
}
