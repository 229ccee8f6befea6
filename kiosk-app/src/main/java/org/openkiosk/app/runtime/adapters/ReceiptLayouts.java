package org.openkiosk.app.runtime.adapters;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.port.CertificateReceipt;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.device.escpos.Alignment;
import org.openkiosk.device.escpos.Receipt;

/**
 * What the kiosk's receipts say, in Chinese, laid out for an 80 mm (or 58 mm) roll: the appointment slip with
 * its QR code, the queue ticket and the certificate receipt. No full ID number or name is ever printed on them (a slip may be lost).
 */
public final class ReceiptLayouts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public ReceiptLayouts(ZoneId zone) {
        this.zone = zone;
    }

    public Receipt slip(AppointmentSlip slip) {
        return Receipt.builder()
                .title("预约凭条")
                .centred(slip.hallNameZh())
                .divider()
                .keyValue("预约号", slip.bookingCode())
                .keyValue("办理事项", slip.serviceTitleZh())
                .keyValue("日期", DATE.format(slip.date()))
                .keyValue("时段", TIME.format(slip.start()) + "–" + TIME.format(slip.end()))
                .keyValue("证件号码", slip.maskedIdNumber())
                .divider()
                .qr(slip.qrPayload())
                .centred("请于预约时段前到自助机扫码取号")
                .centred("Scan this code at the kiosk to check in")
                .divider()
                .line("打印时间 " + STAMP.format(slip.issuedAt().atZone(zone)) + "  终端 " + slip.kioskId(),
                        Alignment.LEFT, false)
                .cut()
                .build();
    }

    public Receipt certificate(CertificateReceipt receipt) {
        return Receipt.builder()
                .title("证明打印回执")
                .divider()
                .keyValue("证明", receipt.titleZh())
                .keyValue("编号", receipt.certificateNumber())
                .keyValue("剩余可打印", receipt.remainingPrints() + " 次")
                .divider()
                .centred("扫描证明左下角二维码可核验真伪")
                .line("打印时间 " + STAMP.format(receipt.printedAt().atZone(zone)) + "  终端 " + receipt.kioskId(),
                        Alignment.LEFT, false)
                .cut()
                .build();
    }

    public Receipt ticket(QueueTicket ticket) {
        Receipt.Builder receipt = Receipt.builder()
                .title("排队号 " + ticket.ticketNo())
                .centred(ticket.serviceTitleZh());
        if (ticket.priority()) {
            receipt.line("预约优先", Alignment.CENTRE, true);
        }
        receipt.divider();
        if (ticket.queueKnown()) {
            receipt.keyValue("前面还有", ticket.peopleAhead() + " 人")
                    .keyValue("预计等候", "约 " + Math.max(1, ticket.estimatedWait().toMinutes()) + " 分钟");
        } else if (ticket.checkInUnconfirmed()) { // journalled, not yet confirmed by the hall store (ADR 0173)
            receipt.centred("签到待大厅确认，前面人数暂不可知");
        } else if (ticket.forwardPending()) { // journalled while the hall answers, still being sent (ADR 0199)
            receipt.centred("已在本机登记，正在送达大厅，前面人数暂不可知");
        } else { // issued while the hall store was unreachable (ADR 0161)
            receipt.centred("离线取号，前面人数暂不可知");
        }
        return receipt.keyValue("日期", DATE.format(ticket.date()))
                .divider()
                .centred("请留意叫号屏幕，过号请重新取号")
                .line("取号时间 " + STAMP.format(ticket.issuedAt().atZone(zone)) + "  终端 " + ticket.kioskId(),
                        Alignment.LEFT, false)
                .cut()
                .build();
    }
}
