package org.openkiosk.app.service.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What an appointment slip shows; the receipt printer draws {@link #qrPayload()} as a QR code.
 *
 * @param maskedIdNumber the holder's ID number, masked (a slip may be lost)
 */
public record AppointmentSlip(String bookingCode, String qrPayload, String serviceTitleZh, String serviceTitleEn,
                              String hallNameZh, LocalDate date, LocalTime start, LocalTime end,
                              String maskedIdNumber, Instant issuedAt, String kioskId) {}
