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
        OFFLINE_NO_NUMBERS,
        /**
         * the hall store is unreachable, so the appointment cannot be checked (nor checked in): nothing was done;
         * offer a walk-in ticket (ADR 0173)
         */
        HALL_OFFLINE,
        /**
         * the same appointment was checked in at another kiosk a moment earlier: the hall store took that one, and
         * this kiosk gave no second ticket (ADR 0173)
         */
        CHECKED_IN_ELSEWHERE,
        /**
         * the hall store, restored from a backup, declined this check-in's ticket number twice because other records
         * held it (ADRs 0198, 0202): nothing was printed and the appointment is still booked; try again shortly
         */
        NUMBERS_SETTLING
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
