package org.openkiosk.app.ui.screens.maintenance;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.openkiosk.app.maintenance.PinHash;

/** The digits typed on the PIN pad, kept in a char array that is zeroed when taken or cleared. */
final class PinEntry {

    private final char[] digits = new char[PinHash.MAX_PIN_LENGTH];
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length");

    void press(char digit) {
        if (digit < '0' || digit > '9' || length.get() >= digits.length) {
            return;
        }
        digits[length.get()] = digit;
        length.set(length.get() + 1);
    }

    void delete() {
        if (length.get() > 0) {
            digits[length.get() - 1] = '\0';
            length.set(length.get() - 1);
        }
    }

    void clear() {
        Arrays.fill(digits, '\0');
        length.set(0);
    }

    /** The PIN typed so far (the caller zeroes it); the pad is empty afterwards. */
    char[] take() {
        char[] pin = Arrays.copyOf(digits, length.get());
        clear();
        return pin;
    }

    ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }
}
