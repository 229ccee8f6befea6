package org.openkiosk.device.idcard.sim;

import org.openkiosk.device.idcard.CardType;

/**
 * Cards of fictional people, one per card type. The resident card is the one of the shared fixture (测试, female,
 * 汉, 1949-12-31, 11010519491231002X, valid to 长期). All ID numbers carry valid GB 11643 check characters.
 */
public final class SyntheticCards {

    private SyntheticCards() {}

    public static SyntheticCard of(CardType type) {
        return switch (type) {
            case RESIDENT -> resident();
            case HK_MACAO_TAIWAN_PERMIT -> hongKongMacaoTaiwanPermit();
            case FOREIGNER_2023 -> foreigner2023();
            case FOREIGNER_2017 -> foreigner2017();
        };
    }

    public static SyntheticCard resident() {
        byte[] text = new IdCardTextBuilder(CardType.RESIDENT)
                .put(0, 30, "测试")
                .put(30, 2, "2")
                .put(32, 4, "01")
                .put(36, 16, "19491231")
                .put(52, 70, "北京市朝阳区测试路1号")
                .put(122, 36, "11010519491231002X")
                .put(158, 30, "北京市公安局朝阳分局")
                .put(188, 16, "20200101")
                .put(204, 16, "长期")
                .build();
        return new SyntheticCard(CardType.RESIDENT, text, photo(0x32));
    }

    public static SyntheticCard hongKongMacaoTaiwanPermit() {
        byte[] text = new IdCardTextBuilder(CardType.HK_MACAO_TAIWAN_PERMIT)
                .put(0, 30, "测试港")
                .put(30, 2, "1")
                .put(36, 16, "19900315")
                .put(52, 70, "广东省深圳市福田区测试路8号")
                .put(122, 36, "810000199003150015")
                .put(158, 30, "深圳市公安局")
                .put(188, 16, "20240601")
                .put(204, 16, "20290601")
                .put(220, 18, "H00000001")
                .put(238, 4, "02")
                .build();
        return new SyntheticCard(CardType.HK_MACAO_TAIWAN_PERMIT, text, photo(0x33));
    }

    public static SyntheticCard foreigner2023() {
        byte[] text = new IdCardTextBuilder(CardType.FOREIGNER_2023)
                .put(0, 30, "测试者")
                .put(30, 2, "2")
                .put(32, 4, "00")
                .put(36, 16, "19850704")
                .put(52, 70, "SAMPLE, TESTPERSON WITH A VERY LONG")
                .put(220, 22, " GIVEN NAME")
                .put(122, 36, "911000198507040020")
                .put(188, 16, "20230101")
                .put(204, 16, "20330101")
                .put(242, 6, "CAN")
                .build();
        return new SyntheticCard(CardType.FOREIGNER_2023, text, photo(0x34));
    }

    public static SyntheticCard foreigner2017() {
        byte[] text = new IdCardTextBuilder(CardType.FOREIGNER_2017)
                .put(0, 120, "TESTER, SAMPLE")
                .put(120, 2, "1")
                .put(122, 30, "CAN110078020112")
                .put(152, 6, "CAN")
                .put(158, 30, "测试")
                .put(188, 16, "20180101")
                .put(204, 16, "20280101")
                .put(220, 16, "19780201")
                .put(236, 4, "20")
                .put(240, 8, "1100")
                .build();
        return new SyntheticCard(CardType.FOREIGNER_2017, text, photo(0x35));
    }

    /** 1024 bytes that start like WLT; the content is filler (we never decode photos). */
    static byte[] photo(int seed) {
        byte[] photo = new byte[1024];
        photo[0] = 0x57;
        photo[1] = 0x4C;
        photo[2] = 0x66;
        photo[3] = 0x00;
        photo[4] = 0x7E;
        photo[5] = 0x00;
        photo[6] = (byte) seed;
        photo[7] = 0x00;
        photo[9] = (byte) 0xFF;
        return photo;
    }
}
