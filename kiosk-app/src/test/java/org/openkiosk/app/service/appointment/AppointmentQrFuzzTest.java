package org.openkiosk.app.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer, ADR 0171, 0137) of the appointment slip's QR parser: any scanned text gives a
 * booking code or nothing, never an exception; a code is always {@link BookingCodes#LENGTH} characters of
 * {@link BookingCodes#ALPHABET} (it goes into a store query) and is what the slip of that code carries.
 * Seed corpus: {@code src/test/resources/org/openkiosk/app/service/appointment/AppointmentQrFuzzTestInputs/}.
 */
@Tag("fuzz")
class AppointmentQrFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void slipPayload(byte[] scanned) {
        String text = new String(scanned, StandardCharsets.UTF_8); // a scanner gives text
        Optional<String> code = AppointmentQr.parse(text);
        code.ifPresent(c -> {
            assertThat(c).hasSize(BookingCodes.LENGTH);
            assertThat(c.chars()).allMatch(ch -> BookingCodes.ALPHABET.indexOf(ch) >= 0);
            assertThat(text.strip()).isEqualTo(AppointmentQr.payload(c));
            assertThat(AppointmentQr.parse(AppointmentQr.payload(c))).contains(c);
        });
    }
}
