package org.openkiosk.device.escpos;

/** ESC a n values. */
public enum Alignment {
    LEFT(0),
    CENTRE(1),
    RIGHT(2);

    private final int code;

    Alignment(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
