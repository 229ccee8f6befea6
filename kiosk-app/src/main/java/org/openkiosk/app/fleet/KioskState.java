package org.openkiosk.app.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The retained {@code state} payload: what the hall sees of one kiosk. Only technical facts: no citizen data.
 *
 * @param online   false only in the Last Will and the goodbye on a clean stop
 * @param reason   why offline ({@code connection lost}, {@code stopped}); absent when online
 * @param audit    the audit trail's signed head, published off the kiosk so that deleting the newest records
 *                 in the database is detected ({@code ./kiosk audit verify --head}); absent without a store
 */
public record KioskState(String schema, String kiosk, String hall, String region, boolean online, String reason,
                         Instant at, Service service, Versions versions, Long uptimeSeconds, List<Device> devices,
                         List<String> alarms, AuditChain audit) {

    public static final String SCHEMA = "openkiosk/state/1";

    /**
     * In or out of service, with the code the kiosk's screen shows: {@code E-MAINT} (switched by a technician or
     * an operator, see {@code by}) or {@code E-DEV-<device>} (a required device is not usable).
     */
    public record Service(boolean inService, String code, String reason, Instant since, String by) {}

    public record Versions(String program, String config) {}

    /**
     * One configured device: lifecycle state, health, what to do, the paper level where the device knows it
     * ({@code OK}, {@code NEAR_END}, {@code EMPTY}), the last error (masked) and the driver's counters.
     */
    public record Device(String name, String deviceClass, boolean required, String state, String health, String text,
                         String action, String paper, String lastError, Map<String, Long> statistics) {}

    /**
     * The audit chain's head: how many records, and the signed head text that {@code audit verify --head FILE}
     * checks a database against (ADR 0065). Carries no record content.
     */
    public record AuditChain(long records, String head) {}

    /** The Last Will: what the broker publishes when the kiosk vanishes. */
    public static KioskState offline(String region, String hall, String kiosk, String reason, Instant at) {
        return new KioskState(SCHEMA, kiosk, hall, region, false, reason, at, null, null, null, null, null, null);
    }

    /** This state without the parts that change by themselves (time, uptime), to see whether anything happened. */
    KioskState withoutClock() {
        return new KioskState(schema, kiosk, hall, region, online, reason, null, service, versions, null, devices,
                alarms, audit);
    }

    KioskState withAlarms(List<String> codes) {
        return new KioskState(schema, kiosk, hall, region, online, reason, at, service, versions, uptimeSeconds,
                devices, List.copyOf(codes), audit);
    }
}
