package org.openkiosk.app.service.appointment;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The QR payload on an appointment slip: {@code OKAPPT1:<booking code>}. It carries no personal data, so a
 * lost slip reveals nothing; the code is looked up in the store.
 */
public final class AppointmentQr {

    static final String PREFIX = "OKAPPT1:";
    private static final Pattern CODE = Pattern.compile("[" + BookingCodes.ALPHABET + "]{" + BookingCodes.LENGTH + "}");

    private AppointmentQr() {}

    public static String payload(String bookingCode) {
        return PREFIX + bookingCode;
    }

    /** The booking code in a scanned payload, or empty when it is not one of our slips. */
    public static Optional<String> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String s = payload.strip();
        if (!s.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String code = s.substring(PREFIX.length());
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
