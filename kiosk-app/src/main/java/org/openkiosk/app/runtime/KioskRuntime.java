package org.openkiosk.app.runtime;

import java.util.List;
import java.util.Optional;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.CitizenServices;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.device.DeviceRegistry;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.face.FaceVerifier;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.scanner.ScannerDevice;

/**
 * Everything a running kiosk is made of, built once from the configuration: the devices (real drivers, or the
 * real drivers talking to their wire-level simulators in demo mode), the store and the citizen services.
 * No JavaFX here: the UI receives a runtime and calls it off the JavaFX thread.
 */
public interface KioskRuntime extends AutoCloseable {

    KioskConfig config();

    /** Demo mode: simulated devices, demo data, the demo signing key allowed. */
    boolean demo();

    CitizenServices services();

    /**
     * The receipt printer as the services use it, for receipts a flow prints itself (the certificate receipt
     * after an A4 print). Never throws for printer trouble: a failed outcome with the reason.
     */
    default ReceiptPort receipts() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no receipt port");
    }

    /** Every configured device by logical name; subscribe to follow their events and health. */
    DeviceRegistry devices();

    /** Cards arrive as {@code DeviceEvent.Data<IdCard>} events from this device (once per placement). */
    Optional<IdCardReader> idReader();

    /** Arm for one code (e.g. an appointment slip's QR code); disarms after one item. */
    Optional<ScannerDevice> scanner();

    Optional<ReceiptPrinter> receiptPrinter();

    Optional<A4PrinterDevice> a4Printer();

    /** The document scanner (a page on the glass, through SANE's scanimage or the simulator), when configured. */
    default Optional<org.openkiosk.device.docscan.DocumentScannerDevice> documentScanner() {
        return Optional.empty();
    }

    /**
     * Checks certificates for the certificate check service (证明核验) exactly as {@code ./kiosk certificate verify}
     * does; empty when this kiosk's trusted keys could not be loaded.
     */
    default Optional<org.openkiosk.app.certificate.CertificateVerifier> certificateVerifier() {
        return Optional.empty();
    }

    /** The face verifier (人证核验), when one is configured and could be built. */
    default Optional<FaceVerifier> faceVerifier() {
        return Optional.empty();
    }

    /** Present only in demo mode: lets a person try the kiosk with no hardware. */
    Optional<DemoControls> demoControls();

    /** Required devices that are not usable right now (empty = in service). From the last known health: no I/O. */
    List<DeviceProblem> deviceProblems();

    /**
     * Tries again to bring the required devices that are not usable back (open, claim, enable, check), then
     * returns what is still wrong. Blocks: call it from the out-of-service screen's background retry.
     */
    /** The latest reconciliation of certificate prints left open by a crash or an outage (ADR 0165). */
    default Optional<org.openkiosk.app.service.certificate.PrintReconciliation> printReconciliation() {
        return Optional.empty();
    }

    /** Forwarding to the hall store (hall kiosks only, ADR 0160): since when it fails and what waits. */
    default Optional<org.openkiosk.app.store.journal.ShipperStatus> hallForwarding() {
        return Optional.empty();
    }

    /** The name of the store's audit chain in {@link #auditHeads()}. */
    String STORE_CHAIN = "store";
    /** The name of the hall journal's audit chain in {@link #auditHeads()} (ADR 0163). */
    String JOURNAL_CHAIN = "journal";

    /**
     * The newest signed head of each audit chain this kiosk writes, by chain name ({@link #STORE_CHAIN},
     * {@link #JOURNAL_CHAIN}): published on the fleet link so that removal of the newest records is detected
     * (ADRs 0065, 0163). Last known values, no I/O.
     */
    default java.util.Map<String, org.openkiosk.app.service.audit.AuditHead> auditHeads() {
        return java.util.Map.of();
    }

    /**
     * Ticket records (check-ins and walk-ins) of this kiosk the hall store declined since {@code since} (hall kiosks
     * only, ADRs 0199, 0202): the fleet alarms name those whose ticket left the kiosk. Reads the journal.
     */
    default List<org.openkiosk.app.store.journal.Journal.Declined> ticketsDeclinedSince(java.time.Instant since) {
        return List.of();
    }

    /** Deliveries of the journal beside the hall store (the evaluation platform's ratings, ADR 0162). */
    default List<org.openkiosk.app.store.journal.TargetStatus> journalTargets() {
        return List.of();
    }

    default List<DeviceProblem> recheckDevices() {
        return deviceProblems();
    }

    /** The last known health of a configured device, including one whose driver could not be built. */
    default Optional<HealthStatus> deviceHealth(String logicalName) {
        return devices().find(logicalName).map(org.openkiosk.device.KioskDevice::health);
    }

    /**
     * Called (on the device loop) when a problem that is not a device's own health changes, such as the data disk
     * filling up; device problems come as the devices' status events. The UI re-decides its home screen.
     */
    default void onProblemsChanged(Runnable listener) {
    }

    /**
     * The thread that keeps devices usable (recovery passes), for the systemd watchdog's liveness probe: a task
     * posted here runs only once the loop is free again. Empty when this runtime has none.
     */
    default Optional<java.util.concurrent.Executor> deviceLoop() {
        return Optional.empty();
    }

    /**
     * What runs beside this runtime (the fleet link, ADR 0133) if it is of the given type; the layers above use it to
     * reach, e.g., citizens' help calls without the runtime knowing the fleet. Empty when nothing of that type runs.
     */
    default <T> Optional<T> companion(Class<T> type) {
        return Optional.empty();
    }

    @Override
    void close();
}
