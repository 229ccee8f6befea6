package org.openkiosk.app.service.queue;

/** A check-in was refused; {@link #reason()} lets the screen say what to do next. */
public class CheckInException extends RuntimeException {

    public enum Reason {
        /** the booking is for another day */
        NOT_TODAY,
        /** the booking is for another hall */
        OTHER_HALL,
        /** already checked in (a ticket was issued) */
        ALREADY_CHECKED_IN,
        /** cancelled booking */
        CANCELLED,
        /** this person has no booking here today: offer a walk-in ticket */
        NO_BOOKING_TODAY,
        /** the service is unknown */
        UNKNOWN_SERVICE,
        /** the hall store is unreachable and this kiosk has no reserved walk-in numbers left for today */
        OFFLINE_NO_NUMBERS
    }

    private final Reason reason;

    public CheckInException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
