package org.openkiosk.app.service.catalogue;

/**
 * One service of the hall.
 *
 * @param code                  stable code, e.g. {@code exit-entry}
 * @param titleZh               name in Chinese
 * @param titleEn               name in English
 * @param counterType           the kind of counter that serves it (the queue it joins)
 * @param ticketPrefix          letter(s) in front of its queue ticket numbers, e.g. {@code A}
 * @param averageServiceMinutes average time at the counter, for the estimated wait
 * @param appointment           booking rules, or {@code null} for a walk-in-only service
 */
public record ServiceDefinition(String code, String titleZh, String titleEn, String counterType,
                                String ticketPrefix, int averageServiceMinutes, AppointmentRules appointment) {

    public boolean bookable() {
        return appointment != null;
    }
}
