package org.openkiosk.app.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openkiosk.device.DeviceClass;

/**
 * The one place that knows which logical device names exist, which drivers serve each device class and which
 * transport URI schemes each driver can use. Adding a driver means adding one line here (plus the driver).
 *
 * <p>The simulator driver {@code sim} serves every class, and a {@code sim:} URI is accepted for every driver:
 * a real driver then talks to the device class's wire-level simulator.
 */
public final class DriverCatalog {

    /** The simulator driver, accepted for every device class. */
    public static final String SIMULATOR = "sim";

    private static final Map<String, DeviceClass> LOGICAL_NAMES = new LinkedHashMap<>();
    /** device class → driver → URI schemes the driver can use (besides {@code sim}). */
    private static final Map<DeviceClass, Map<String, List<String>>> DRIVERS = new LinkedHashMap<>();

    static {
        LOGICAL_NAMES.put(KioskConfig.ID_READER, DeviceClass.ID_CARD_READER);
        LOGICAL_NAMES.put(KioskConfig.RECEIPT_PRINTER, DeviceClass.RECEIPT_PRINTER);
        LOGICAL_NAMES.put(KioskConfig.A4_PRINTER, DeviceClass.A4_PRINTER);
        LOGICAL_NAMES.put(KioskConfig.SCANNER, DeviceClass.BARCODE_SCANNER);
        LOGICAL_NAMES.put(KioskConfig.DOCUMENT_SCANNER, DeviceClass.DOCUMENT_SCANNER);
        LOGICAL_NAMES.put(KioskConfig.FACE_VERIFIER, DeviceClass.FACE_VERIFIER);

        driver(DeviceClass.ID_CARD_READER, "ga467", "serial");
        driver(DeviceClass.ID_CARD_READER, "sdtapi", "sdtapi");
        driver(DeviceClass.RECEIPT_PRINTER, "escpos", "serial", "tcp", "usblp");
        driver(DeviceClass.A4_PRINTER, "ipp", "cups");
        driver(DeviceClass.BARCODE_SCANNER, "serial-scanner", "serial");
        driver(DeviceClass.BARCODE_SCANNER, "wedge", "wedge");
        driver(DeviceClass.DOCUMENT_SCANNER, "sane", "sane");
        // a face verifier's driver is its matcher, its URI the camera (ADR 0113)
        driver(DeviceClass.FACE_VERIFIER, "platform", "v4l2");
        driver(DeviceClass.FACE_VERIFIER, "facesdk", "v4l2");
        for (DeviceClass c : DeviceClass.values()) {
            driver(c, SIMULATOR);
        }
    }

    private DriverCatalog() {}

    private static void driver(DeviceClass deviceClass, String name, String... schemes) {
        DRIVERS.computeIfAbsent(deviceClass, c -> new LinkedHashMap<>()).put(name, List.of(schemes));
    }

    /** {@code idReader}, {@code receiptPrinter}, {@code a4Printer}, {@code scanner}, {@code documentScanner}, {@code faceVerifier}. */
    public static Set<String> logicalNames() {
        return Collections.unmodifiableSet(LOGICAL_NAMES.keySet());
    }

    public static Optional<DeviceClass> deviceClassOf(String logicalName) {
        return Optional.ofNullable(LOGICAL_NAMES.get(logicalName));
    }

    /** The drivers of a class in catalogue order, {@code sim} last. */
    public static List<String> driversFor(DeviceClass deviceClass) {
        return List.copyOf(DRIVERS.getOrDefault(deviceClass, Map.of()).keySet());
    }

    public static boolean isKnownDriver(DeviceClass deviceClass, String driver) {
        return DRIVERS.getOrDefault(deviceClass, Map.of()).containsKey(driver);
    }

    /**
     * The URI schemes a driver can be attached with, always including {@code sim}.
     *
     * @throws IllegalArgumentException when the driver is not known for the class
     */
    public static List<String> schemesFor(DeviceClass deviceClass, String driver) {
        List<String> schemes = DRIVERS.getOrDefault(deviceClass, Map.of()).get(driver);
        if (schemes == null) {
            throw new IllegalArgumentException("unknown driver \"" + driver + "\" for " + deviceClass);
        }
        List<String> all = new ArrayList<>(schemes);
        all.add(SIMULATOR);
        return List.copyOf(all);
    }
}
