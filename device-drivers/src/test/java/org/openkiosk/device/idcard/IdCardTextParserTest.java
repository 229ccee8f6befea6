package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.idcard.sim.IdCardTextBuilder;
import org.openkiosk.device.idcard.sim.SyntheticCards;

class IdCardTextParserTest {

    @Test
    void syntheticResidentCardIsByteForByteTheFixture() {
        byte[] fixture = Fixtures.readReply();
        assertThat(SyntheticCards.resident().text()).isEqualTo(Arrays.copyOfRange(fixture, 14, 270));
        assertThat(IdCardReaderSimulator.readReply(SyntheticCards.resident(), false).encode()).isEqualTo(fixture);
    }

    @Test
    void hongKongMacaoTaiwanPermit() throws Exception {
        IdCard card = parse(SyntheticCards.hongKongMacaoTaiwanPermit().text());
        assertThat(card.cardType()).isEqualTo(CardType.HK_MACAO_TAIWAN_PERMIT);
        assertThat(card.name()).isEqualTo("测试港");
        assertThat(card.sex()).isEqualTo(Sex.MALE);
        assertThat(card.nation()).isNull();
        assertThat(card.idNumber()).isEqualTo("810000199003150015");
        assertThat(card.travelPermitNumber()).isEqualTo("H00000001");
        assertThat(card.issueCount()).isEqualTo(2);
        assertThat(card.address()).isEqualTo("广东省深圳市福田区测试路8号");
        assertThat(card.validTo()).hasToString("2029-06-01");
    }

    @Test
    void foreigner2023JoinsTheTwoPartsOfTheEnglishName() throws Exception {
        IdCard card = parse(SyntheticCards.foreigner2023().text());
        assertThat(card.cardType()).isEqualTo(CardType.FOREIGNER_2023);
        assertThat(card.name()).isEqualTo("测试者");
        assertThat(card.englishName()).isEqualTo("SAMPLE, TESTPERSON WITH A VERY LONG GIVEN NAME");
        assertThat(card.nationality()).isEqualTo("CAN");
        assertThat(card.renewalCount()).isZero();
        assertThat(card.idNumber()).startsWith("9");
        assertThat(card.birthDate()).hasToString("1985-07-04");
        assertThat(card.address()).isNull();
    }

    @Test
    void foreigner2017UsesItsOwnLayout() throws Exception {
        IdCard card = parse(SyntheticCards.foreigner2017().text());
        assertThat(card.cardType()).isEqualTo(CardType.FOREIGNER_2017);
        assertThat(card.englishName()).isEqualTo("TESTER, SAMPLE");
        assertThat(card.name()).isEqualTo("测试");
        assertThat(card.sex()).isEqualTo(Sex.MALE);
        assertThat(card.idNumber()).isEqualTo("CAN110078020112");
        assertThat(card.nationality()).isEqualTo("CAN");
        assertThat(card.birthDate()).hasToString("1978-02-01");
        assertThat(card.validFrom()).hasToString("2018-01-01");
        assertThat(card.validTo()).hasToString("2028-01-01");
        assertThat(card.cardVersion()).isEqualTo("20");
        assertThat(card.issuer()).isEqualTo("1100");
    }

    @Test
    void toStringIsMasked() throws Exception {
        IdCard card = parse(SyntheticCards.resident().text());
        assertThat(card.toString()).contains("1101**********002X").contains("测*")
                .doesNotContain("11010519491231002X").doesNotContain("测试").doesNotContain("北京");
    }

    @Test
    void badFieldsAreNamed() {
        byte[] badNation = new IdCardTextBuilder(CardType.RESIDENT).put(0, 30, "测试").put(30, 2, "2").put(32, 4, "77")
                .put(36, 16, "19491231").put(188, 16, "20200101").put(204, 16, "长期").build();
        assertThatThrownBy(() -> parse(badNation)).isInstanceOf(IdCardFormatException.class).hasMessageContaining("nation code \"77\"");
        byte[] badDate = new IdCardTextBuilder(CardType.RESIDENT).put(30, 2, "1").put(32, 4, "01").put(36, 16, "19491332").build();
        assertThatThrownBy(() -> parse(badDate)).hasMessage("birthDate (text block bytes 36-51): expected a calendar date, found 8 digits that are not one")
                .hasMessageNotContaining("19491332"); // a date on a card is citizen data: never in a message
        byte[] badType = SyntheticCards.resident().text();
        badType[248] = 'Q';
        assertThatThrownBy(() -> parse(badType)).hasMessageContaining("unknown card type marker U+0051");
        assertThatThrownBy(() -> parse(new byte[10])).hasMessageContaining("must be 256 bytes");
    }

    @Test
    void nationTableCoversGb3304() throws Exception {
        assertThat(Nation.all()).hasSize(58);
        assertThat(Nation.ofCode("56").name()).isEqualTo("基诺");
        assertThat(Nation.ofCode("97").name()).isEqualTo("其他");
        assertThat(Nation.ofCode("98").name()).isEqualTo("外国血统中国籍人士");
        assertThat(Nation.ofCode("02").name()).isEqualTo("蒙古");
    }

    @Test
    void photoIsOpaqueAndCanBeWiped() throws Exception {
        IdCard card = IdCardTextParser.parse(SyntheticCards.resident().text(), new WltPhoto(SyntheticCards.resident().photo()));
        assertThat(card.photo().looksLikeWlt()).isTrue();
        card.wipePhoto();
        assertThat(card.photo().isWiped()).isTrue();
        assertThatThrownBy(card.photo()::bytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PhotoDecoder.none().toBmp(card.photo())).hasMessageContaining("licensed vendor library");
    }

    private static IdCard parse(byte[] text) throws IdCardFormatException {
        return IdCardTextParser.parse(text, new WltPhoto(new byte[1024]));
    }
}
