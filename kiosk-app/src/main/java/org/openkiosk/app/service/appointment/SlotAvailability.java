package org.openkiosk.app.service.appointment;

import java.time.LocalTime;
import java.util.Optional;

/**
 * One slot of a day as the booking screen shows it.
 *
 * @param refusal why it cannot be booked now (full, too soon, closed), empty when it can
 */
public record SlotAvailability(LocalTime start, LocalTime end, int capacity, int free,
                               Optional<AppointmentException.Reason> refusal) {

    public boolean bookable() {
        return refusal.isEmpty();
    }
}
