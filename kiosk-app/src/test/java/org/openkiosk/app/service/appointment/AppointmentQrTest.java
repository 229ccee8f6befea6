package org.openkiosk.app.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppointmentQrTest {

    @Test
    void roundTripsAndRejectsForeignCodes() {
        String code = BookingCodes.next();
        assertThat(AppointmentQr.parse(AppointmentQr.payload(code))).contains(code);
        assertThat(AppointmentQr.parse(" " + AppointmentQr.payload(code) + "\r\n")).contains(code);
        assertThat(AppointmentQr.parse("https://example.org/x")).isEmpty();
        assertThat(AppointmentQr.parse("OKAPPT1:ABC")).isEmpty();
        assertThat(AppointmentQr.parse("OKAPPT1:0OIL0OIL")).isEmpty(); // look-alikes are never issued
        assertThat(AppointmentQr.parse(null)).isEmpty();
        assertThat(AppointmentQr.payload(code)).doesNotContainPattern("\\d{17}[\\dX]");
    }
}
