package org.openkiosk.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.IdNumber;

class LogMaskerTest {

    /** Synthetic: 欧阳梅, born 1963-01-01, valid check digit. */
    static final String ID = "620102196301010722";
    static final String NAME = "欧阳梅";

    @AfterEach
    void forgetCitizens() {
        PersonalDataRedactor.clear();
    }

    @Test
    void theFixtureIsAValidIdNumber() {
        assertThat(IdNumber.isValid(ID)).isTrue();
    }

    @Test
    void masksEighteenCharacterNumbersWhereverTheyStand() {
        assertThat(LogMasker.mask("id=" + ID + ",")).isEqualTo("id=6201**********0722,");
        assertThat(LogMasker.mask("测试" + ID + "号")).isEqualTo("测试6201**********0722号");
        assertThat(LogMasker.mask("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(LogMasker.mask("11010519491231002x")).isEqualTo("1101**********002x");
    }

    @Test
    void masksNumbersWithAWrongCheckDigitTooWhenInDoubt() {
        assertThat(LogMasker.mask("620102196301010723")).isEqualTo("6201**********0723");
    }

    @Test
    void masksLegacyFifteenDigitNumbersAndLongerDigitRuns() {
        assertThat(LogMasker.mask("old 110105491231002 card")).isEqualTo("old 1101*******1002 card");
        assertThat(LogMasker.mask("x" + ID + "99")).doesNotContain(ID);
    }

    @Test
    void masksGroupedAndFullWidthDigits() {
        assertThat(LogMasker.mask("620102 19630101 0722")).isEqualTo("6201************0722");
        assertThat(LogMasker.mask("620102-1963-0101-0722")).doesNotContain("1963");
        String fullWidth = "６２０１０２１９６３０１０１０７２２";
        assertThat(LogMasker.mask(fullWidth)).isEqualTo("６２０１**********０７２２");
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        String line = "12:03:04.567 INFO ticket A023 printed in 1234 ms, phone 13800138000, port 9100, 2026-11-22";
        assertThat(LogMasker.mask(line)).isEqualTo(line);
    }

    @Test
    void masksRegisteredNamesAndNumbersUntilTheSessionEnds() {
        PersonalDataRedactor.registerCitizen(NAME, ID);

        assertThat(LogMasker.mask("welcome " + NAME + ", your card " + ID))
                .isEqualTo("welcome 欧*梅, your card 6201**********0722");

        PersonalDataRedactor.clear();
        assertThat(LogMasker.mask("welcome " + NAME)).isEqualTo("welcome " + NAME);
    }

    @Test
    void closingARegistrationRemovesOnlyItsOwnValues() {
        PersonalDataRedactor.Registration first = PersonalDataRedactor.registerCitizen("张三丰", null);
        PersonalDataRedactor.registerCitizen("ZHANG WEI", null);

        first.close();

        assertThat(LogMasker.mask("张三丰 and zhang wei")).isEqualTo("张三丰 and Z**** **I");
    }

    @Test
    void oneCharacterNamesAreNotRegistered() {
        PersonalDataRedactor.registerCitizen("A", null);
        assertThat(PersonalDataRedactor.isEmpty()).isTrue();
    }

    @Test
    void masksNumbersSplitByOtherSeparators() {
        for (String split : new String[] {"620102.19630101.0722", "620102/19630101/0722", "620102_19630101_0722",
                "620102,19630101,0722", "620102  19630101  0722", "620102\u300019630101\u30000722",
                "620102, 19630101, 0722", "620102 / 1963 / 0101 / 0722", "6 2 0 1 0 2 1 9 6 3 0 1 0 1 0 7 2 2",
                "620102．19630101．0722", "620102\t19630101\t0722"}) {
            String masked = LogMasker.mask("id=" + split + ";");
            assertThat(masked).as(split).doesNotContain("1963").doesNotContain("0101").startsWith("id=6").endsWith("2;");
        }
        assertThat(LogMasker.mask("x 11010519491231002 X end")).isEqualTo("x 1101***********02 X end");
        assertThat(LogMasker.mask("110105.19491231.002.X")).isEqualTo("1101*************02.X");
    }

    @Test
    void groupingNeedsShortGapsBetweenDigits() {
        assertThat(LogMasker.mask("620102    19630101    0722")).isEqualTo("620102    19630101    0722");
        assertThat(LogMasker.mask("at 2026-11-22 02:21:22, ports 9100-9101 9102")).isEqualTo("at 2026-11-22 02:21:22, ports 9100-9101 9102");
        assertThat(LogMasker.mask("ids 620102196301010722-11010519491231002X"))
                .isEqualTo("ids 6201" + "*".repeat(37 - 8) + "002X");
    }

    @Test
    void anXCountsOnlyAsTheLastCharacter() {
        assertThat(LogMasker.mask("12345678901234X")).isEqualTo("1234*******234X");
        assertThat(LogMasker.mask("12345678901234X5")).isEqualTo("12345678901234X5");
        assertThat(LogMasker.mask("1234567890123X")).isEqualTo("1234567890123X");
    }
}
