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

    /**
     * Parses a name as typed by people: {@code resident}, {@code J}/{@code hk-macao-taiwan-permit},
     * {@code Y}/{@code foreigner-2023}, {@code I}/{@code foreigner-2017} (any case).
     */
    public static CardType parse(String text) {
        String key = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (key) {
            case "RESIDENT", "ID" -> RESIDENT;
            case "J", "HK_MACAO_TAIWAN_PERMIT", "PERMIT" -> HK_MACAO_TAIWAN_PERMIT;
            case "Y", "FOREIGNER_2023" -> FOREIGNER_2023;
            case "I", "FOREIGNER_2017" -> FOREIGNER_2017;
            default -> throw new IllegalArgumentException("unknown card type \"" + text
                    + "\"; known: resident, hk-macao-taiwan-permit (J), foreigner-2023 (Y), foreigner-2017 (I)");
        };
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
