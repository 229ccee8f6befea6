package org.openkiosk.device.a4;

/** IPP {@code printer-state} values (RFC 8011 §5.4.11). */
public enum PrinterState {
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
        for (PrinterState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** The IPP enum value (-1 for {@link #UNKNOWN}). */
    public int code() {
        return code;
    }

    /** The keyword of RFC 8011, e.g. {@code idle}. */
    public String keyword() {
        return name().toLowerCase();
    }
}
