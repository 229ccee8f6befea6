package org.openkiosk.app.runtime.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate service's A4 port over the {@code ipp} driver. Device trouble is a failed outcome with the
 * printer's reason, never an exception, and "printed" only when the printer reported the job completed.
 */
public final class A4PrinterPort implements A4PrintPort {

    private static final Logger log = LoggerFactory.getLogger(A4PrinterPort.class);

    private final Supplier<Optional<A4PrinterDevice>> printer;

    /** @param printer looked up at each print: a driver built later by device recovery is used too */
    public A4PrinterPort(Supplier<Optional<A4PrinterDevice>> printer) {
        this.printer = Objects.requireNonNull(printer, "printer");
    }

    @Override
    public PrintOutcome print(String jobTitle, byte[] pdf) {
        Optional<A4PrinterDevice> found = printer.get();
        if (found.isEmpty()) {
            return PrintOutcome.failed("no usable A4 printer driver (not configured, or it could not be built)");
        }
        A4PrinterDevice device = found.get();
        if (device.state() != DeviceState.ENABLED) {
            return PrintOutcome.failed("the A4 printer is not ready (" + device.state().name().toLowerCase()
                    + "): " + device.health().text());
        }
        try {
            org.openkiosk.device.a4.PrintOutcome outcome = device.print(pdf, jobTitle);
            return outcome.printed() ? PrintOutcome.success()
                    : PrintOutcome.failed(outcome.status() + ": " + outcome.detail());
        } catch (DeviceException e) {
            return PrintOutcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("A4 print of {} failed unexpectedly", jobTitle, e);
            return PrintOutcome.failed("the A4 printer driver failed: " + e);
        }
    }
}
