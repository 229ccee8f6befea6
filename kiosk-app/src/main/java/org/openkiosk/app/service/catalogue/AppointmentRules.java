package org.openkiosk.app.service.catalogue;

import java.time.Duration;

/**
 * How a service is booked.
 *
 * @param slotMinutes     length of one slot
 * @param capacityPerSlot citizens per slot (per hall)
 * @param leadTimeMinutes the earliest bookable slot starts at least this long after now
 * @param cutOffMinutes   booking, cancelling and rescheduling close this long before the slot starts
 * @param horizonDays     how many days ahead (counting today) can be booked
 * @param workingPlan     working days and periods
 */
public record AppointmentRules(int slotMinutes, int capacityPerSlot, int leadTimeMinutes, int cutOffMinutes,
                               int horizonDays, WorkingPlan workingPlan) {

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }

    public Duration leadTime() {
        return Duration.ofMinutes(leadTimeMinutes);
    }

    public Duration cutOff() {
        return Duration.ofMinutes(cutOffMinutes);
    }
}
