package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.sim.IdCardTextBuilder;
import org.openkiosk.device.idcard.sim.SyntheticCards;

class IdCardValidatorTest {

    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void syntheticCardsOfEveryTypeAreValid() throws Exception {
        IdCardValidator validator = new IdCardValidator(NOV_2026);
        for (CardType type : CardType.values()) {
            IdCard card = IdCardTextParser.parse(SyntheticCards.of(type).text(), null);
            assertThat(validator.validate(card).problems()).as(type.name()).isEmpty();
        }
    }

    @Test
    void longTermNeverExpiresButADateDoes() throws Exception {
        IdCard longTerm = IdCardTextParser.parse(SyntheticCards.resident().text(), null);
        Clock far = Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneId.of("UTC"));
        assertThat(new IdCardValidator(far).validate(longTerm).isValid()).isTrue();
        IdCard permit = IdCardTextParser.parse(SyntheticCards.hongKongMacaoTaiwanPermit().text(), null);
        IdCardValidator.Result result = new IdCardValidator(far).validate(permit);
        assertThat(result.has(IdCardValidator.Kind.EXPIRED)).isTrue();
        Clock lastDay = Clock.fixed(Instant.parse("2029-06-01T12:00:00Z"), ZoneId.of("UTC"));
        assertThat(new IdCardValidator(lastDay).validate(permit).isValid()).as("valid on its last day").isTrue();
        Clock before = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("UTC"));
        assertThat(new IdCardValidator(before).validate(permit).has(IdCardValidator.Kind.NOT_YET_VALID)).isTrue();
    }

    @Test
    void numberDisagreeingWithBirthDateSexOrCheckIsFlagged() throws Exception {
        IdCardValidator validator = new IdCardValidator(NOV_2026);
        IdCard wrongBirth = resident("2", "19491230", "11010519491231002X");
        assertThat(validator.validate(wrongBirth).has(IdCardValidator.Kind.BIRTH_DATE_MISMATCH)).isTrue();
        IdCard wrongSex = resident("1", "19491231", "11010519491231002X");
        assertThat(validator.validate(wrongSex).has(IdCardValidator.Kind.SEX_MISMATCH)).isTrue();
        IdCard wrongCheck = resident("2", "19491231", "110105194912310021");
        IdCardValidator.Result result = validator.validate(wrongCheck);
        assertThat(result.has(IdCardValidator.Kind.INVALID_NUMBER)).isTrue();
        assertThat(result.problems().get(0).message()).contains("check character").doesNotContain("1101051949");
    }

    private static IdCard resident(String sex, String birth, String number) throws Exception {
        byte[] text = new IdCardTextBuilder(CardType.RESIDENT).put(0, 30, "测试").put(30, 2, sex).put(32, 4, "01")
                .put(36, 16, birth).put(122, 36, number).put(188, 16, "20200101").put(204, 16, "长期").build();
        return IdCardTextParser.parse(text, null);
    }
}
