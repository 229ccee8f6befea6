package org.openkiosk.device.escpos;

/** Receipt paper widths: printable dots at 203 dpi and columns of the 12×24 font (Chinese takes two). */
public enum PaperWidth {
    MM58(58, 384, 32),
    MM80(80, 576, 48);

    private final int millimetres;
    private final int dots;
    private final int columns;

    PaperWidth(int millimetres, int dots, int columns) {
        this.millimetres = millimetres;
        this.dots = dots;
        this.columns = columns;
    }

    public int millimetres() {
        return millimetres;
    }

    public int dots() {
        return dots;
    }

    public int columns() {
        return columns;
    }

    /** From the {@code paperWidthMm} option; the message lists the supported widths. */
    public static PaperWidth ofMillimetres(int mm) {
        for (PaperWidth w : values()) {
            if (w.millimetres == mm) {
                return w;
            }
        }
        throw new IllegalArgumentException("unsupported paper width " + mm + " mm (supported: 58, 80)");
    }
}
