package org.openkiosk.app.service.catalogue;

import java.time.Duration;

/**
 * A booked citizen checking in from {@code earlyMinutes} before to {@code lateMinutes} after the slot start
 * joins the queue ahead of walk-ins; outside that window the ticket is an ordinary one.
 */
public record CheckInWindow(int earlyMinutes, int lateMinutes) {

    public Duration early() {
        return Duration.ofMinutes(earlyMinutes);
    }

    public Duration late() {
        return Duration.ofMinutes(lateMinutes);
    }
}
