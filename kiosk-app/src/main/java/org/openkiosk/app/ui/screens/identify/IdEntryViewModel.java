package org.openkiosk.app.ui.screens.identify;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/**
 * The on-screen keypad's state: up to 18 characters, digits everywhere and {@code X} only as the last one,
 * checked with GB 11643 ({@link IdNumber}) on confirm. A refused number says why in a message key.
 */
public final class IdEntryViewModel {

    public static final int LENGTH = 18;

    private final ReadOnlyStringWrapper entry = new ReadOnlyStringWrapper(this, "entry", "");
    private final ReadOnlyObjectWrapper<String> errorKey = new ReadOnlyObjectWrapper<>(this, "errorKey");

    public ReadOnlyStringProperty entryProperty() {
        return entry.getReadOnlyProperty();
    }

    /** The bundle key of the last refusal, or null. */
    public ReadOnlyObjectProperty<String> errorKeyProperty() {
        return errorKey.getReadOnlyProperty();
    }

    /** The entry grouped 6-8-4 (address, birth date, sequence and check) so it is easy to compare. */
    public StringBinding grouped() {
        return Bindings.createStringBinding(() -> group(entry.get()), entry);
    }

    public BooleanBinding xAllowed() {
        return Bindings.createBooleanBinding(() -> entry.get().length() == LENGTH - 1, entry);
    }

    public BooleanBinding digitAllowed() {
        return Bindings.createBooleanBinding(() -> entry.get().length() < LENGTH, entry);
    }

    public BooleanBinding complete() {
        return Bindings.createBooleanBinding(() -> entry.get().length() == LENGTH, entry);
    }

    /** A digit or {@code X}; ignored where not allowed (too long, X not last). */
    public void press(char key) {
        String s = entry.get();
        char c = Character.toUpperCase(key);
        boolean ok = (c >= '0' && c <= '9' && s.length() < LENGTH) || (c == 'X' && s.length() == LENGTH - 1);
        if (ok) {
            entry.set(s + c);
            errorKey.set(null);
        }
    }

    public void backspace() {
        String s = entry.get();
        if (!s.isEmpty()) {
            entry.set(s.substring(0, s.length() - 1));
        }
        errorKey.set(null);
    }

    public void clear() {
        entry.set("");
        errorKey.set(null);
    }

    /** The number when it passes the check; otherwise empty and {@link #errorKeyProperty()} says why. */
    public Optional<IdNumber> confirm() {
        try {
            IdNumber id = IdNumber.parse(entry.get());
            errorKey.set(null);
            return Optional.of(id);
        } catch (InvalidIdNumberException e) {
            errorKey.set("identify.error." + e.reason().name().toLowerCase(java.util.Locale.ROOT));
            return Optional.empty();
        }
    }

    /** A refusal decided elsewhere (e.g. the platform has no record of the number): shows {@code key}. */
    public void refuse(String key) {
        errorKey.set(key);
    }

    static String group(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i == 6 || i == 14) {
                sb.append(' ');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }
}
