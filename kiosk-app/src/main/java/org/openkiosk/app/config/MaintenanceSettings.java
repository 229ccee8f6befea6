package org.openkiosk.app.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The optional {@code maintenance:} section of {@code kiosk.yaml}.
 *
 * @param pinHash the technicians' PIN as a salted PBKDF2 hash ({@code ./kiosk maintenance hash-pin}); empty means
 *                maintenance mode cannot be opened on the screen (except in demo mode, where the PIN is 000000)
 */
public record MaintenanceSettings(Optional<String> pinHash) {

    public MaintenanceSettings {
        Objects.requireNonNull(pinHash, "pinHash");
    }

    public static MaintenanceSettings none() {
        return new MaintenanceSettings(Optional.empty());
    }

    /** Why {@code text} is not a PIN hash this kiosk can check, or empty when it is one. */
    static Optional<String> formatProblem(String text) {
        try {
            StoredPinHash.parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
