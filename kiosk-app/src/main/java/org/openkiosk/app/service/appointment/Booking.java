package org.openkiosk.app.service.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import org.openkiosk.device.idcard.IdNumber;

/** A stored booking. {@link #toString()} is masked (records print their fields; the ID number must not). */
public record Booking(long id, String code, String serviceCode, String hallId, LocalDate date, LocalTime start,
                      BookingStatus status, IdNumber holder) {

    public String qrPayload() {
        return AppointmentQr.payload(code);
    }

    @Override
    public String toString() {
        return "Booking[" + code + " " + serviceCode + "@" + hallId + " " + date + " " + start + " " + status + " "
                + holder + "]";
    }
}
