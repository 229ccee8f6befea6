package org.openkiosk.app.service.catalogue;

/**
 * The {@code retention} section of {@code services.yaml}.
 *
 * @param bookingDaysAfterAppointment days after the appointment day that a booking keeps the full ID number
 *                                    (default 30); then it is reduced to the masked form
 */
public record RetentionRules(Integer bookingDaysAfterAppointment) {

    public static RetentionRules defaults() {
        return new RetentionRules(null);
    }

    public RetentionRules {
        bookingDaysAfterAppointment = bookingDaysAfterAppointment == null ? 30 : bookingDaysAfterAppointment;
    }
}
