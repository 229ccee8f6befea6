package org.openkiosk.app.service.appointment;

/** A booking, cancellation or reschedule was refused; {@link #reason()} says why in a way a screen can use. */
public class AppointmentException extends RuntimeException {

    public enum Reason {
        /** the service takes no appointments */
        NOT_BOOKABLE,
        /** the hall or the service is unknown */
        UNKNOWN,
        /** not a working day, a closed date, or no slot starts at that time */
        NOT_OFFERED,
        /** the slot starts sooner than the lead time allows */
        LEAD_TIME,
        /** booking, cancelling and rescheduling closed (cut-off) */
        CUT_OFF,
        /** beyond the booking horizon */
        BEYOND_HORIZON,
        /** no free seat left */
        SLOT_FULL,
        /** this person already has an active booking for this service */
        ALREADY_BOOKED,
        /** no such booking for this person */
        NOT_FOUND,
        /** the booking is cancelled or already used */
        NOT_ACTIVE,
        /** the hall store (the shared seat count) cannot be reached: offer a walk-in ticket (ADR 0161) */
        HALL_OFFLINE
    }

    private final Reason reason;

    public AppointmentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AppointmentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
