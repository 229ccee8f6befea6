package org.openkiosk.app.service.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.service.queue.QueueTicket;

/** Test double for the not-yet-merged ESC/POS receipt driver: records what would be printed. */
public final class RecordingReceiptPort implements ReceiptPort {

    public final List<AppointmentSlip> slips = new CopyOnWriteArrayList<>();
    public final List<QueueTicket> tickets = new CopyOnWriteArrayList<>();

    @Override
    public PrintOutcome printSlip(AppointmentSlip slip) {
        slips.add(slip);
        return PrintOutcome.success();
    }

    @Override
    public PrintOutcome printTicket(QueueTicket ticket) {
        tickets.add(ticket);
        return PrintOutcome.success();
    }
}
