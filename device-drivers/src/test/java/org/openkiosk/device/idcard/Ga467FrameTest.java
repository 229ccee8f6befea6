package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden bytes: every request of the GA 467 command table, and the replies the table shows. */
class Ga467FrameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "RESET,                       AA AA AA 96 69 00 03 10 FF EC",
            "MODULE_STATUS,               AA AA AA 96 69 00 03 11 FF ED",
            "SAM_ID,                      AA AA AA 96 69 00 03 12 FF EE",
            "FIND_CARD,                   AA AA AA 96 69 00 03 20 01 22",
            "SELECT_CARD,                 AA AA AA 96 69 00 03 20 02 21",
            "READ_TEXT_AND_PHOTO,         AA AA AA 96 69 00 03 30 01 32",
            "READ_APPENDED_ADDRESS,       AA AA AA 96 69 00 03 30 03 30",
            "READ_TEXT_PHOTO_FINGERPRINT, AA AA AA 96 69 00 03 30 10 23"
    })
    void everyCommandEncodesToTheBytesOfTheSpecification(Ga467Command command, String golden) {
        assertThat(command.frame().encode()).isEqualTo(Fixtures.hex(golden));
    }

    @ParameterizedTest(name = "{0} baud")
    @CsvSource({
            "115200, AA AA AA 96 69 00 03 60 00 63",
            "57600,  AA AA AA 96 69 00 03 60 01 62",
            "38400,  AA AA AA 96 69 00 03 60 02 61",
            "19200,  AA AA AA 96 69 00 03 60 03 60",
            "9600,   AA AA AA 96 69 00 03 60 04 67"
    })
    void setBaud(int baud, String golden) {
        assertThat(Ga467Command.setBaud(baud).encode()).isEqualTo(Fixtures.hex(golden));
        assertThat(Ga467Command.baudOf(Ga467Command.setBaud(baud))).isEqualTo(baud);
    }

    @Test
    void setBaudRejectsRatesTheModuleDoesNotKnow() {
        assertThatThrownBy(() -> Ga467Command.setBaud(4800)).hasMessageContaining("115200, 57600, 38400, 19200 or 9600");
    }

    @Test
    void setMaxRfFrameBytes() {
        assertThat(Ga467Command.setMaxRfFrameBytes(0x50).encode()).isEqualTo(Fixtures.hex("AA AA AA 96 69 00 04 61 FF 50 CA"));
    }

    @Test
    void statusReplyOfTheSpecification() {
        Ga467Frame ok = Ga467Frame.response(0x90);
        assertThat(ok.encode()).isEqualTo(Fixtures.hex("AA AA AA 96 69 00 04 00 00 90 94"));
        assertThat(ok.sw3()).isEqualTo(0x90);
        assertThat(ok.replyData()).isEmpty();
    }

    @Test
    void requestFieldsAndMaskedToString() {
        Ga467Frame find = Ga467Command.FIND_CARD.frame();
        assertThat(find.cmd()).isEqualTo(0x20);
        assertThat(find.para()).isEqualTo(0x01);
        assertThat(find.len()).isEqualTo(3);
        assertThat(Ga467Command.of(find)).contains(Ga467Command.FIND_CARD);
        Ga467Frame reply = Ga467Frame.response(0x90, "11010519491231002X".getBytes());
        assertThat(reply.toString()).contains("00 00 90").doesNotContain("31").doesNotContain("1101");
    }
}
