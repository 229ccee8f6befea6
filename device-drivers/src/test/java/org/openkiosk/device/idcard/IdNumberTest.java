package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

    @Test
    void acceptsTheStandardsExamples() throws Exception {
        IdNumber a = IdNumber.parse("11010519491231002X");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(a.sexCode()).isEqualTo(2);
        assertThat(a.addressCode()).isEqualTo("110105");
        IdNumber b = IdNumber.parse("440524188001010014");
        assertThat(b.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(b.sexCode()).isEqualTo(1);
    }

    @Test
    void normalisesLowerCaseX() throws Exception {
        assertThat(IdNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, CHECK_DIGIT",
            "11010519491231002, LENGTH",
            "1101051949123100A2X, LENGTH",
            "11010519491331002X, BIRTH_DATE",
            "11010519490230002X, BIRTH_DATE",
            "1101051949123100AX, CHARACTERS",
            "11010519491231002Y, CHARACTERS",
    })
    void rejectsWithTheReason(String text, InvalidIdNumberException.Reason reason) {
        assertThatThrownBy(() -> IdNumber.parse(text))
                .isInstanceOf(InvalidIdNumberException.class)
                .extracting(e -> ((InvalidIdNumberException) e).reason()).isEqualTo(reason);
    }

    @Test
    void upgradesLegacyNumbersWithTheGivenCentury() throws Exception {
        assertThat(IdNumber.upgradeLegacy("440524800101001", 18).value()).isEqualTo("440524188001010014");
    }

    @Test
    void neverPrintsTheFullNumber() throws Exception {
        IdNumber id = IdNumber.parse("11010519491231002X");
        assertThat(id.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
    }
}
