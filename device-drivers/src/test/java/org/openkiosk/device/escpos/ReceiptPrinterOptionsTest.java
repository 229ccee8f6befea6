package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.Capability;
import org.openkiosk.device.transport.TcpTransport;
import org.openkiosk.device.transport.TransportUri;

class ReceiptPrinterOptionsTest {

    @Test
    void defaultsAre80mmWithCutterAndAutoStatus() {
        ReceiptPrinterOptions o = ReceiptPrinterOptions.defaults();
        assertThat(o.paper()).isEqualTo(PaperWidth.MM80);
        assertThat(o.cutter()).isTrue();
        assertThat(o.statusMode()).isEqualTo(ReceiptPrinterOptions.StatusMode.AUTO);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("paperWidth", "58"))).hasMessageContaining("unknown escpos option \"paperWidth\"");
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("paperWidthMm", "76"))).hasMessageContaining("76 mm");
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("cutter", "maybe"))).hasMessageContaining("cutter");
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("status", "sometimes"))).hasMessageContaining("auto, on or off");
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("residentFont", "big5"))).hasMessageContaining("big5");
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("jobTimeoutMs", "-1"))).hasMessageContaining("jobTimeoutMs");
    }

    @Test
    void capabilitiesFollowTheOptions() {
        var uri = TransportUri.parse("tcp://127.0.0.1:9100");
        var noCutter = new ReceiptPrinter("p", new TcpTransport(uri), ReceiptPrinterOptions.fromMap(Map.of("cutter", "false", "status", "off")));
        assertThat(noCutter.capabilities()).doesNotContain(Capability.CAN_CUT, Capability.REPORTS_PAPER_NEAR_END)
                .contains(Capability.PRINTS_QR_CODE);
        var full = new ReceiptPrinter("p", new TcpTransport(uri), ReceiptPrinterOptions.defaults());
        assertThat(full.capabilities()).contains(Capability.CAN_CUT, Capability.REPORTS_PAPER_NEAR_END, Capability.REPORTS_COVER_OPEN);
    }

    @Test
    void cutterlessPrinterFeedsInsteadOfCutting() throws Exception {
        Receipt r = Receipt.builder().line("x").cut().build();
        byte[] withCutter = new ReceiptWriter(PaperWidth.MM58, ResidentFont.GBK, true).encode(r);
        byte[] without = new ReceiptWriter(PaperWidth.MM58, ResidentFont.GBK, false).encode(r);
        assertThat(org.openkiosk.device.escpos.sim.EscPosDecoder.hex(withCutter)).endsWith("1D 56 42 03");
        assertThat(org.openkiosk.device.escpos.sim.EscPosDecoder.hex(without)).endsWith("1B 64 05");
    }
}
