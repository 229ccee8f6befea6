package org.openkiosk.device;

/** UnifiedPOS check-health levels. */
public enum HealthCheckLevel {
    /** Driver-side only, no I/O: is the transport open, what was the last state seen. */
    INTERNAL,
    /** Talks to the device without visible effect: module status, real-time printer status. */
    EXTERNAL,
    /** Visible to a person: a test receipt, a test card read, a test scan. Technician use only. */
    INTERACTIVE
}
