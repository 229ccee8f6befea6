package org.openkiosk.device.escpos;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The technician's test receipt: sizes, Chinese text, a rare name character, key–value rows, a QR code, a cut. */
public final class TestPage {

    private TestPage() {}

    public static Receipt receipt(PaperWidth paper) {
        return Receipt.builder()
                .title("打印测试")
                .centred("OpenKiosk receipt test page")
                .divider()
                .keyValue("纸宽 Paper", paper.millimetres() + " mm / " + paper.dots() + " dots")
                .keyValue("时间 Time", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                .line("中文：政务服务自助终端")
                .line("生僻字（位图）：王䶮 朱镕")
                .line("ASCII: 0123456789 ABCDEFGHIJ abcdefghij")
                .divider()
                .qr("https://example.gov.cn/kiosk/test?q=测试")
                .centred("扫码验证 Scan to verify")
                .cut()
                .build();
    }
}
