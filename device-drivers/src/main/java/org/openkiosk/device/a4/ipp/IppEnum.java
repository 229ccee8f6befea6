package org.openkiosk.device.a4.ipp;

import java.util.Optional;

/**
 * A Java enum of IPP values carried on the wire as numbers (operation ids, status codes, {@code printer-state},
 * {@code job-state}): one lookup by that number for all of them.
 */
public interface IppEnum {

    /** The value on the wire. */
    int code();

    /** The constant of {@code type} whose {@link #code()} is {@code code}, if there is one. */
    static <E extends Enum<E> & IppEnum> Optional<E> byCode(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
