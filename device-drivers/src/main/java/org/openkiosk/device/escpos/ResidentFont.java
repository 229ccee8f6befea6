package org.openkiosk.device.escpos;

import java.nio.charset.Charset;

/**
 * Which characters the printer's own font can print. Most Chinese receipt printers carry a GBK-sized font:
 * characters GB 18030 encodes in four bytes (CJK extension A such as 䶮, rare symbols) come out as blanks or
 * garbage, so such lines are printed as a raster image rendered with the bundled font instead.
 */
public interface ResidentFont {

    Charset GB18030 = Charset.forName("GB18030");

    boolean canPrint(int codePoint);

    /** ASCII plus every character GB 18030 encodes in one or two bytes (the GBK repertoire). */
    ResidentFont GBK = codePoint -> {
        if (codePoint < 0x80) {
            return codePoint >= 0x20;
        }
        if (!Character.isBmpCodePoint(codePoint)) {
            return false;
        }
        String s = String.valueOf((char) codePoint);
        return GB18030.newEncoder().canEncode(s) && s.getBytes(GB18030).length == 2;
    };

    /** Printers with a full GB 18030 font (the option {@code residentFont: gb18030}). */
    ResidentFont FULL_GB18030 = codePoint -> codePoint >= 0x20
            && GB18030.newEncoder().canEncode(new String(Character.toChars(codePoint)));

    static ResidentFont named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "gbk" -> GBK;
            case "gb18030" -> FULL_GB18030;
            default -> throw new IllegalArgumentException("unknown residentFont \"" + name + "\" (gbk or gb18030)");
        };
    }

    /** Whether every character of the text can be printed with the resident font. */
    default boolean canPrintAll(String text) {
        return text.codePoints().allMatch(this::canPrint);
    }
}
