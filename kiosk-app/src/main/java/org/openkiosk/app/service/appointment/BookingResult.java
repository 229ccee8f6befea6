package org.openkiosk.app.service.appointment;

import org.openkiosk.app.service.port.PrintOutcome;

/** A committed booking and how printing its slip went (the booking stands even if the slip failed). */
public record BookingResult(Booking booking, AppointmentSlip slip, PrintOutcome slipPrint) {}
