package org.openkiosk.app.fleet;

/**
 * Where the fleet link reads the kiosk's condition. Called on the link's own thread; must not block long (no device
 * I/O: last known values only).
 */
public interface StatusSource {

    /** The current state, online, without the alarm list (the link adds it). */
    KioskState state();

    Telemetry telemetry();

    /** Conditions that are not device health: store unreachable, disk low. Codes as in {@link Alarm#code()}. */
    default java.util.List<Alarm> systemAlarms() {
        return java.util.List.of();
    }

    /** The newest signed audit chain heads by chain name (ADR 0163), published retained when they move. */
    default java.util.Map<String, org.openkiosk.app.service.audit.AuditHead> auditHeads() {
        return java.util.Map.of();
    }
}
