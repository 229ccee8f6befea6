package org.openkiosk.app.service.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A queue ticket as printed. Holds no personal data.
 *
 * @param ticketNo      e.g. {@code A007}: unique per hall per day
 * @param priority      whether it was a booked citizen checking in near the slot (goes ahead of walk-ins)
 * @param peopleAhead   tickets of the same queue that will be called first, when issued; {@link #AHEAD_UNKNOWN} for a
 *                      ticket issued while the hall store was unreachable
 * @param estimatedWait the wait this suggests given the counters open for this queue
 * @param checkInUnconfirmed a hall kiosk's check-in that is journalled but the hall store has not confirmed yet (ADR
 *                      0173): it is applied when forwarded unless the appointment was checked in elsewhere first, so
 *                      it is never called "checked in"
 * @param forwardPending a hall kiosk's ticket recorded in its journal while the hall store answered, whose forward
 *                      could not be confirmed because the kiosk's own journal failed right after the commit (ADR
 *                      0199): the shipper sends it, once; the queue ahead is not known, and the hall was not away
 */
public record QueueTicket(String ticketNo, String hallId, LocalDate date, String counterType, String serviceCode,
                          String serviceTitleZh, boolean priority, int peopleAhead, Duration estimatedWait,
                          Instant issuedAt, String kioskId, boolean checkInUnconfirmed, boolean forwardPending) {

    public QueueTicket(String ticketNo, String hallId, LocalDate date, String counterType, String serviceCode,
                       String serviceTitleZh, boolean priority, int peopleAhead, Duration estimatedWait,
                       Instant issuedAt, String kioskId) {
        this(ticketNo, hallId, date, counterType, serviceCode, serviceTitleZh, priority, peopleAhead, estimatedWait,
                issuedAt, kioskId, false);
    }

    public QueueTicket(String ticketNo, String hallId, LocalDate date, String counterType, String serviceCode,
                       String serviceTitleZh, boolean priority, int peopleAhead, Duration estimatedWait,
                       Instant issuedAt, String kioskId, boolean checkInUnconfirmed) {
        this(ticketNo, hallId, date, counterType, serviceCode, serviceTitleZh, priority, peopleAhead, estimatedWait,
                issuedAt, kioskId, checkInUnconfirmed, false);
    }

    /** Issued offline: the queue of the hall was not known, so neither the people ahead nor the wait. */
    public static final int AHEAD_UNKNOWN = -1;

    public boolean queueKnown() {
        return peopleAhead != AHEAD_UNKNOWN;
    }
}
