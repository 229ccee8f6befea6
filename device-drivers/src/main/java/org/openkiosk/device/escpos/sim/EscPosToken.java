package org.openkiosk.device.escpos.sim;

import java.nio.charset.StandardCharsets;
import org.openkiosk.device.escpos.MonochromeBitmap;

/** One decoded piece of an ESC/POS byte stream. */
public sealed interface EscPosToken {

    /** A run of printable bytes, decoded as GB 18030. */
    record Text(String text) implements EscPosToken {}

    /** LF. */
    record LineFeed() implements EscPosToken {}

    /** ESC d n. */
    record Feed(int lines) implements EscPosToken {}

    /** ESC @. */
    record Initialise() implements EscPosToken {}

    /** ESC a n. */
    record Align(int mode) implements EscPosToken {}

    /** ESC E n. */
    record Bold(boolean on) implements EscPosToken {}

    /** GS ! n. */
    record Size(int width, int height) implements EscPosToken {}

    /** FS & (on) / FS . (off). */
    record ChineseMode(boolean on) implements EscPosToken {}

    /** GS ( k cn fn … other than store/print: model, module size, error level. */
    record QrSetting(int function, int value) implements EscPosToken {}

    /** GS ( k 31 50 30 d…: the payload bytes. */
    record QrStore(byte[] data) implements EscPosToken {
        public String payload() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** GS ( k 31 51 30. */
    record QrPrint() implements EscPosToken {}

    /** GS v 0: one band of a raster image. */
    record Raster(int mode, MonochromeBitmap bitmap) implements EscPosToken {}

    /** GS V m [n]. */
    record Cut(int mode, int feed) implements EscPosToken {}

    /** DLE EOT n. */
    record RealTimeStatus(int n) implements EscPosToken {}

    /** GS r n. */
    record StatusRequest(int n) implements EscPosToken {}

    /** A command understood only as far as its length (ESC t n, GS a n, CR …). */
    record Other(String name) implements EscPosToken {}
}
