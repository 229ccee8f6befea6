package org.openkiosk.device;

import java.util.Set;

/**
 * One configured device, addressed by its logical name ({@code idReader}, {@code receiptPrinter} …).
 *
 * <p>Lifecycle: {@link #open()} → {@link #claim()} → {@link #enable()} … {@link #disable()} →
 * {@link #release()} → {@link #close()}. Methods that talk to the device may block and must never be called on
 * the UI thread.
 */
public interface KioskDevice extends AutoCloseable {

    String logicalName();

    DeviceClass deviceClass();

    /** Human-readable driver and transport, e.g. {@code "ga467 over serial:/dev/ttyUSB0?baud=115200"}. */
    String description();

    DeviceState state();

    void open() throws DeviceException;

    void claim() throws DeviceException;

    void enable() throws DeviceException;

    void disable();

    void release();

    @Override
    void close();

    /** The last known health, without I/O. */
    HealthStatus health();

    /** Checks health at the given level; may do I/O for EXTERNAL and INTERACTIVE. */
    HealthStatus checkHealth(HealthCheckLevel level);

    Set<Capability> capabilities();

    DeviceStatistics statistics();

    void addListener(DeviceListener listener);

    void removeListener(DeviceListener listener);
}
