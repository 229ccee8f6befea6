package org.openkiosk.app.service.queue;

import org.openkiosk.app.service.port.PrintOutcome;

/** An issued ticket and how printing it went. */
public record TicketResult(QueueTicket ticket, PrintOutcome print) {}
