package org.openkiosk.device.a4;

import org.openkiosk.device.a4.ipp.IppEnum;

/** IPP {@code printer-state} values (RFC 8011 §5.4.11). */
public enum PrinterState implements IppEnum {
    IDLE(3),
    PROCESSING(4),
    STOPPED(5),
    /** Absent from the answer or a value RFC 8011 does not define. */
    UNKNOWN(-1);

    private final int code;

    PrinterState(int code) {
        this.code = code;
    }

    public static PrinterState of(int code) {
        return IppEnum.byCode(PrinterState.class, code).orElse(UNKNOWN);
    }

    /** The IPP enum value (-1 for {@link #UNKNOWN}). */
    @Override
    public int code() {
        return code;
    }

    /** The keyword of RFC 8011, e.g. {@code idle}. */
    public String keyword() {
        return name().toLowerCase();
    }
}
