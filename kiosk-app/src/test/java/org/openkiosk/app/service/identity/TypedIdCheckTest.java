package org.openkiosk.app.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.IdNumber;

/** The keypad checks that run before any lookup. */
class TypedIdCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static IdentificationException.Reason reasonFor(String typed, Optional<Sex> sex) {
        try {
            IdentificationService.checkTyped(typed, sex, TODAY);
            return null;
        } catch (IdentificationException e) {
            return e.reason();
        }
    }

    @Test
    void acceptsAValidNumberAndALowerCaseX() throws Exception {
        assertThat(IdentificationService.checkTyped("11010519491231002x", Optional.of(Sex.FEMALE), TODAY).value())
                .isEqualTo("11010519491231002X");
    }

    @Test
    void namesEachProblem() {
        assertThat(reasonFor("1101051949123100", Optional.empty())).isEqualTo(IdentificationException.Reason.LENGTH);
        assertThat(reasonFor("11010519491231A02X", Optional.empty())).isEqualTo(IdentificationException.Reason.CHARACTERS);
        assertThat(reasonFor("110105194912310021", Optional.empty())).isEqualTo(IdentificationException.Reason.CHECK_DIGIT);
        String feb30 = "11010519490230002";
        assertThat(reasonFor(feb30 + IdNumber.checkCharacter(feb30), Optional.empty()))
                .isEqualTo(IdentificationException.Reason.BIRTH_DATE);
        String future = "11010520301231002";
        assertThat(reasonFor(future + IdNumber.checkCharacter(future), Optional.empty()))
                .isEqualTo(IdentificationException.Reason.BIRTH_DATE_IN_FUTURE);
        assertThat(reasonFor(null, Optional.empty())).isEqualTo(IdentificationException.Reason.LENGTH);
    }

    @Test
    void sexParityMustMatchTheChosenSex() {
        // sequence 002 is even: female
        assertThat(reasonFor("11010519491231002X", Optional.of(Sex.MALE)))
                .isEqualTo(IdentificationException.Reason.SEX_MISMATCH);
        assertThat(reasonFor("11010519491231002X", Optional.of(Sex.FEMALE))).isNull();
        assertThat(reasonFor("11010519491231002X", Optional.empty())).isNull();
    }

    @Test
    void cardNumberMustFitTheCardType() throws Exception {
        IdentificationService service = new IdentificationService(null, java.time.Clock.systemUTC(),
                new AttemptLimiter(java.time.Clock.systemUTC(), "K-01", AttemptLimiter.Settings.defaults()));
        IdNumber resident = IdNumber.parse("11010519491231002X");
        assertThat(service.fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试", resident)).source())
                .isEqualTo(IdentitySource.CARD);
        assertThatThrownBy(() -> service.fromCard(new CardIdentity(CardType.TAIWAN_RESIDENCE_PERMIT, "测试", resident)))
                .isInstanceOfSatisfying(IdentificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdentificationException.Reason.CARD_TYPE_MISMATCH));
        String hk = "81000019900101001";
        IdNumber hkNumber = IdNumber.parse(hk + IdNumber.checkCharacter(hk));
        assertThat(service.fromCard(new CardIdentity(CardType.HONG_KONG_MACAO_RESIDENCE_PERMIT, "测试", hkNumber))
                .cardType()).contains(CardType.HONG_KONG_MACAO_RESIDENCE_PERMIT);
        assertThat(service.fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试", resident)).toString())
                .doesNotContain("11010519491231002X").doesNotContain("测试");
    }
}
