package org.openkiosk.app.ui.screens.certificate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openkiosk.device.escpos.Receipt;

/**
 * The optional receipt after a certificate was printed: which certificate, its number, when and where. Holds
 * the masked ID number only, like every paper the kiosk hands out besides the certificate itself.
 */
final class CertificateReceipt {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CertificateReceipt() {}

    static Receipt of(String titleZh, String certificateNumber, String maskedIdNumber, Instant printedAt,
                      ZoneId zone, String kioskId) {
        return Receipt.builder()
                .title("证明打印回执")
                .divider()
                .keyValue("证明", titleZh)
                .keyValue("编号", certificateNumber)
                .keyValue("证件号码", maskedIdNumber)
                .keyValue("打印时间", WHEN.format(printedAt.atZone(zone)))
                .keyValue("自助机", kioskId)
                .divider()
                .line("请妥善保管证明原件。")
                .cut()
                .build();
    }
}
