package org.openkiosk.device.scanner;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.openkiosk.device.AbstractDevice;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A barcode/QR scanner whose input reaches the kiosk only while a screen has armed it. Arming takes one item:
 * the first code after {@link #arm(Consumer)} goes to that consumer and the scanner disarms, so a code scanned
 * on the wrong screen (or twice) is dropped rather than acted on.
 */
public abstract class ScannerDevice extends AbstractDevice {

    private static final Logger log = LoggerFactory.getLogger(ScannerDevice.class);
    public static final String DROPPED = "dropped";

    private final AtomicReference<Consumer<String>> armed = new AtomicReference<>();
    private final java.util.List<AutoCloseable> companions = new java.util.concurrent.CopyOnWriteArrayList<>();

    protected ScannerDevice(String logicalName) {
        super(logicalName, DeviceClass.BARCODE_SCANNER);
    }

    /** Delivers the next scanned code to {@code consumer} (on the device thread), then disarms. */
    public void arm(Consumer<String> consumer) {
        armed.set(Objects.requireNonNull(consumer, "consumer"));
    }

    public void disarm() {
        armed.set(null);
    }

    public boolean isArmed() {
        return armed.get() != null;
    }

    /** Called by subclasses with one raw code as received; strips control characters and delivers or drops. */
    protected final void deliver(String raw) {
        String code = ScanText.stripControls(raw);
        if (code.isEmpty()) {
            return;
        }
        statistics().increment(DeviceStatistics.SCANS);
        Consumer<String> consumer = armed.getAndSet(null);
        if (consumer == null) {
            statistics().increment(DROPPED);
            log.debug("{}: dropped a scan of {} characters (not armed)", logicalName(), code.length());
            return;
        }
        fireData(code);
        try {
            consumer.accept(code);
        } catch (RuntimeException e) {
            log.warn("{}: scan consumer failed", logicalName(), e);
        }
    }

    /** Something that lives as long as this scanner (e.g. the simulator behind a {@code sim:} URI). */
    public void closeWith(AutoCloseable companion) {
        companions.add(companion);
    }

    /** Subclasses call this from {@code doClose}. */
    protected final void closeCompanions() {
        for (AutoCloseable companion : companions) {
            try {
                companion.close();
            } catch (Exception e) {
                log.warn("{}: closing {} failed", logicalName(), companion, e);
            }
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    protected void doDisable() {
        disarm();
    }

    @Override
    public HealthStatus checkHealth(HealthCheckLevel level) {
        return health();
    }
}
