package org.openkiosk.app.service.appointment;

import java.security.SecureRandom;

/** Random booking codes without look-alike characters (no 0/O, 1/I/L), easy to read out at a counter. */
final class BookingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {}

    static String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
