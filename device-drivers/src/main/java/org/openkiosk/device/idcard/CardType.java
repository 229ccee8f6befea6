package org.openkiosk.device.idcard;

/** The four card layouts a GA 467 module reads, told apart by the UCS-2 character at text offset 248. */
public enum CardType {
    /** Resident identity card (居民身份证); marker: space. */
    RESIDENT(' '),
    /** Residence permit for Hong Kong, Macao and Taiwan residents (港澳台居民居住证); marker {@code J}. */
    HK_MACAO_TAIWAN_PERMIT('J'),
    /** Foreigner's permanent residence ID card, 2023 design; marker {@code Y}. */
    FOREIGNER_2023('Y'),
    /** Foreigner's permanent residence card, 2017 design; marker {@code I}. */
    FOREIGNER_2017('I');

    private final char marker;

    CardType(char marker) {
        this.marker = marker;
    }

    public char marker() {
        return marker;
    }

    public static CardType ofMarker(char marker) throws IdCardFormatException {
        for (CardType t : values()) {
            if (t.marker == marker) {
                return t;
            }
        }
        throw new IdCardFormatException(String.format("unknown card type marker U+%04X at text offset 248", (int) marker));
    }
}
