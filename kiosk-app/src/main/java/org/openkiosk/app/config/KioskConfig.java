package org.openkiosk.app.config;

import java.util.Map;

/**
 * The whole validated configuration of one kiosk, read from the configuration directory. Immutable; a kiosk
 * never starts from a half-valid configuration.
 *
 * @param kiosk    who this kiosk is and where it stands
 * @param ui       language, elder mode, idle timeouts
 * @param devices  devices by logical name ({@code idReader}, {@code receiptPrinter}, {@code a4Printer},
 *                 {@code scanner}, {@code documentScanner})
 * @param store    where the kiosk keeps its data
 * @param maintenance how technicians get into maintenance mode (the PIN's salted hash); optional
 * @param audit    the audit chain's key and published head; optional
 * @param fleet    the link to the hall's MQTT broker; empty = standalone
 * @param ratingsTarget the evaluation platform that receives the ratings (hall kiosks, ADR 0162); empty = none
 */
public record KioskConfig(KioskIdentity kiosk, UiSettings ui, Map<String, DeviceConfig> devices, StoreConfig store,
                          MaintenanceSettings maintenance, AuditSettings audit,
                          java.util.Optional<FleetSettings> fleet,
                          java.util.Optional<RatingsTargetSettings> ratingsTarget) {

    public static final String ID_READER = "idReader";
    public static final String RECEIPT_PRINTER = "receiptPrinter";
    public static final String A4_PRINTER = "a4Printer";
    public static final String SCANNER = "scanner";
    public static final String DOCUMENT_SCANNER = "documentScanner";
    public static final String FACE_VERIFIER = "faceVerifier";

    public KioskConfig {
        devices = Map.copyOf(devices);
        maintenance = maintenance == null ? MaintenanceSettings.none() : maintenance;
        audit = audit == null ? AuditSettings.defaults() : audit;
        fleet = fleet == null ? java.util.Optional.empty() : fleet;
        ratingsTarget = ratingsTarget == null ? java.util.Optional.empty() : ratingsTarget;
    }

    /** A configuration without a {@code ratingsTarget:} section. */
    public KioskConfig(KioskIdentity kiosk, UiSettings ui, Map<String, DeviceConfig> devices, StoreConfig store,
                       MaintenanceSettings maintenance, AuditSettings audit, java.util.Optional<FleetSettings> fleet) {
        this(kiosk, ui, devices, store, maintenance, audit, fleet, java.util.Optional.empty());
    }

    /** A standalone kiosk (no {@code fleet:} section) with the given audit settings. */
    public KioskConfig(KioskIdentity kiosk, UiSettings ui, Map<String, DeviceConfig> devices, StoreConfig store,
                       MaintenanceSettings maintenance, AuditSettings audit) {
        this(kiosk, ui, devices, store, maintenance, audit, java.util.Optional.empty());
    }

    /** A configuration without an {@code audit:} section, linked to a fleet or not. */
    public KioskConfig(KioskIdentity kiosk, UiSettings ui, Map<String, DeviceConfig> devices, StoreConfig store,
                       MaintenanceSettings maintenance, java.util.Optional<FleetSettings> fleet) {
        this(kiosk, ui, devices, store, maintenance, AuditSettings.defaults(), fleet);
    }

    /** A standalone kiosk without an {@code audit:} section. */
    public KioskConfig(KioskIdentity kiosk, UiSettings ui, Map<String, DeviceConfig> devices, StoreConfig store,
                       MaintenanceSettings maintenance) {
        this(kiosk, ui, devices, store, maintenance, AuditSettings.defaults(), java.util.Optional.empty());
    }

    /** A configuration without a {@code maintenance:} section (no PIN set up). */
    public KioskConfig(KioskIdentity kiosk, UiSettings ui, Map<String, DeviceConfig> devices, StoreConfig store) {
        this(kiosk, ui, devices, store, MaintenanceSettings.none(), AuditSettings.defaults(), java.util.Optional.empty());
    }
}
