package org.openkiosk.app.service.audit;

/**
 * What happened. Changes are written to the audit trail in the same transaction as the change; events that change
 * nothing else (identifications, queries, maintenance) in a transaction of their own. Names are at most 32
 * characters (the column's width).
 */
public enum AuditAction {
    CERTIFICATE_PRINTED,
    CERTIFICATE_PRINT_FAILED,
    /** A certificate number was reserved for a print attempt (the attempt counts against the reprint limit). */
    CERTIFICATE_NUMBERED,
    BOOKED,
    CANCELLED,
    RESCHEDULED,
    CHECKED_IN,
    /** A check-in this kiosk journalled that the hall store declined (checked in at another kiosk first, ADR 0173). */
    CHECK_IN_DECLINED,
    WALK_IN_TICKET,
    /**
     * A hall kiosk's walk-in ticket record the hall store declined because another record held its number (a hall
     * store restored from a backup, ADR 0198); the citizen was given a ticket with a new number instead.
     */
    TICKET_DECLINED,
    RATED,
    /** A person was identified: method, masked number. */
    IDENTIFIED,
    /** An identification was refused: method and reason (masked number when one was read). */
    IDENTIFICATION_FAILED,
    /** Personal data was shown: what (progress, appointments, certificates), masked number, how many items. */
    PERSONAL_DATA_QUERIED,
    /** A face was compared with the card photo: outcome only, never an image or a score. */
    FACE_VERIFIED,
    /** Maintenance mode was opened with the PIN. */
    MAINTENANCE_ENTERED,
    /** A wrong maintenance PIN (the count of failures in a row, never the PIN). */
    MAINTENANCE_PIN_REFUSED,
    /** Too many wrong PINs: the PIN pad is locked. */
    MAINTENANCE_LOCKED_OUT,
    /** Something done in maintenance mode (a device check, a log view, an export…) and its outcome. */
    MAINTENANCE_ACTION,
    /** Maintenance mode was left. */
    MAINTENANCE_EXITED,
    /** The kiosk's configuration was changed (the file and the digest of its new content). */
    CONFIGURATION_CHANGED,
    /** A technician took the kiosk out of service. */
    OUT_OF_SERVICE,
    /** A technician put the kiosk back in service. */
    BACK_IN_SERVICE,
    /** A signed fleet command was verified and carried out (or failed while being carried out). */
    FLEET_COMMAND_ACCEPTED,
    /** A fleet command was refused: malformed, unsigned, wrongly signed, expired, replayed, not for this kiosk. */
    FLEET_COMMAND_REJECTED
}
