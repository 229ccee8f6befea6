package org.openkiosk.app.service.identity;

/** The sex a citizen chooses on the keypad screen, checked against the ID number's sequence parity. */
public enum Sex {
    MALE(1), FEMALE(2);

    private final int code;

    Sex(int code) {
        this.code = code;
    }

    /** GB/T 2261.1 code, as {@link org.openkiosk.device.idcard.IdNumber#sexCode()} returns it. */
    public int code() {
        return code;
    }
}
