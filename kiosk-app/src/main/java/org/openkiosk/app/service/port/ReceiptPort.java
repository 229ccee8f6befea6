package org.openkiosk.app.service.port;

import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.queue.QueueTicket;

/**
 * Prints slips and queue tickets on the receipt printer (implemented over {@code org.openkiosk.device.escpos}:
 * the slip's {@link AppointmentSlip#qrPayload()} becomes a QR code).
 */
public interface ReceiptPort {

    PrintOutcome printSlip(AppointmentSlip slip);

    PrintOutcome printTicket(QueueTicket ticket);

    /** Optional: a receipt for a printed certificate. Ports without one report it as not printed. */
    default PrintOutcome printCertificateReceipt(CertificateReceipt receipt) {
        return PrintOutcome.failed("this receipt printer does not print certificate receipts");
    }
}
