package org.openkiosk.device.privacy;

/**
 * Masks citizen data for logs and screens: ID numbers keep the first and the last four characters
 * ({@code 6201**********0722}), names keep the first and the last character ({@code 欧*梅}, {@code 张*}).
 */
public final class Masking {

    private Masking() {}

    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        int n = idNumber.length();
        if (n <= 8) {
            return "*".repeat(n);
        }
        return idNumber.substring(0, 4) + "*".repeat(n - 8) + idNumber.substring(n - 4);
    }

    /** Masks a Chinese or Latin name, counting code points so that rare characters (𠮷) stay whole. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        int[] cps = trimmed.codePoints().toArray();
        if (cps.length == 0) {
            return trimmed;
        }
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        for (int i = 1; i < cps.length - 1; i++) {
            sb.append(Character.isWhitespace(cps[i]) ? " " : "*");
        }
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
