package org.openkiosk.device.escpos;

import java.nio.charset.Charset;

/**
 * Which characters the printer's own font can print. Most Chinese receipt printers carry a GBK-sized font:
 * characters outside GBK (CJK extension A such as 䶮, rare symbols) come out as blanks or garbage, so such lines are printed as a raster image rendered with the bundled font instead.
 */
public interface ResidentFont {

    Charset GB18030 = Charset.forName("GB18030");

    Charset GBK_CHARSET = Charset.forName("GBK");

    boolean canPrint(int codePoint);

    /**
     * ASCII plus the GBK repertoire (what Java's GBK charset encodes). GBK lacks characters such as 䶮, which
     * GB 18030-2022 (the JDK's mapping since 17.0.10) places at FE 9F — a code point many printer fonts leave blank.
     */
    ResidentFont GBK = codePoint -> {
        if (codePoint < 0x80) {
            return codePoint >= 0x20;
        }
        return Character.isBmpCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)
                && GBK_CHARSET.newEncoder().canEncode((char) codePoint);
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
