package org.openkiosk.device.face;

import java.util.Locale;

/**
 * Whether a face check must also tell a live face from a photo or a screen held up to the camera (option
 * {@code liveness}, ADR 0118). Liveness is checked by the matcher where it offers it: a vendor SDK with
 * {@code FACE_Liveness}, or the platform's reply field {@code liveness}.
 */
public enum FaceLiveness {
    /** Every check needs a liveness verdict: a matcher without one cannot open; a reply without one is a fault. */
    REQUIRED,
    /** Used where the matcher offers it (the default). */
    OPTIONAL,
    /** Not asked for, even where offered. */
    OFF;

    /** The option's value: required | optional | off; absent is optional. */
    public static FaceLiveness parse(String text) {
        if (text == null) {
            return OPTIONAL;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> REQUIRED;
            case "optional" -> OPTIONAL;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("option liveness must be required, optional or off, got '"
                    + text + "'");
        };
    }

    /** The option's spelling. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
