package org.openkiosk.app.runtime.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.port.CertificateReceipt;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.escpos.Receipt;
import org.openkiosk.device.escpos.ReceiptJob;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' receipt port over the {@code escpos} driver: slips and tickets as {@link ReceiptLayouts} draws
 * them. Printed when the printer confirmed the whole job; sent-not-confirmed when every byte went to a ready model
 * that cannot confirm jobs (ADR 0131); otherwise a failed outcome with its reason.
 */
public final class ReceiptPrinterPort implements ReceiptPort {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinterPort.class);

    private final Supplier<Optional<ReceiptPrinter>> printer;
    private final ReceiptLayouts layouts;

    /** @param printer looked up at each print: a driver built later by device recovery is used too */
    public ReceiptPrinterPort(Supplier<Optional<ReceiptPrinter>> printer, ReceiptLayouts layouts) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.layouts = Objects.requireNonNull(layouts, "layouts");
    }

    @Override
    public PrintOutcome printSlip(AppointmentSlip slip) {
        return print(layouts.slip(slip), "appointment slip " + slip.bookingCode());
    }

    @Override
    public PrintOutcome printTicket(QueueTicket ticket) {
        return print(layouts.ticket(ticket), "queue ticket " + ticket.ticketNo());
    }

    @Override
    public PrintOutcome printCertificateReceipt(CertificateReceipt receipt) {
        return print(layouts.certificate(receipt), "certificate receipt " + receipt.certificateNumber());
    }

    private PrintOutcome print(Receipt receipt, String what) {
        Optional<ReceiptPrinter> found = printer.get();
        if (found.isEmpty()) {
            return PrintOutcome.failed("no usable receipt printer driver (not configured, or it could not be built)");
        }
        ReceiptPrinter device = found.get();
        if (device.state() != DeviceState.ENABLED) {
            return PrintOutcome.failed("the receipt printer is not ready (" + device.state().name().toLowerCase()
                    + "): " + device.health().text());
        }
        try {
            ReceiptJob job = device.submit(receipt);
            if (job.confirmed()) {
                log.info("{} printed as job {}", what, job.id());
                return PrintOutcome.success();
            }
            // every byte went out and the status before was fine; the model cannot say more (ADR 0131)
            log.info("{} sent as job {}: {}", what, job.id(), job.note());
            return PrintOutcome.sentNotConfirmed();
        } catch (DeviceException e) {
            log.warn("{} not printed: {}", what, e.getMessage());
            return PrintOutcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{} failed unexpectedly", what, e);
            return PrintOutcome.failed("the receipt printer driver failed: " + e);
        }
    }
}
