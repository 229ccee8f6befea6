package org.openkiosk.device.scanner;

/** Cleans scanned text: scanners send prefixes, suffixes and control characters that must never reach a form. */
public final class ScanText {

    private ScanText() {}

    /** Removes C0 and C1 control characters (including CR, LF, TAB, GS separators of GS1 codes) and DEL. */
    public static String stripControls(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> !Character.isISOControl(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
