package org.openkiosk.device.idcard.sim;

import java.util.Locale;

/** How the simulated reader behaves. */
public enum SimScenario {
    /** A card lies on the reader from the start. */
    CARD_PRESENT("a card lies on the reader"),
    /** Nothing on the reader: find answers SW3 80. */
    NO_CARD("no card on the reader"),
    /** The card is placed after a number of find polls (or a delay). */
    CARD_LATE("the card is placed after a few polls"),
    /** The card is taken away during the read: the reply is cut short, later reads answer SW3 41. */
    CARD_REMOVED_MID_READ("the card is removed in the middle of the read"),
    /** The first read reply of each placement arrives with a wrong checksum. */
    CHECKSUM_ERROR("a read reply arrives with a wrong checksum"),
    /** The module's self-test failed: every command answers SW3 60. */
    MODULE_FAULT("the module reports a fault (SW3 60)"),
    /** The module never answers. */
    SILENT("the module does not answer at all");

    private final String description;

    SimScenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Accepts {@code card-present}, {@code CARD_PRESENT}, {@code cardpresent}… */
    public static SimScenario parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SimScenario s : values()) {
            if (s.name().equals(key) || s.name().replace("_", "").equals(key.replace("_", ""))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario \"" + text + "\"; known: " + cliNames());
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String cliNames() {
        StringBuilder sb = new StringBuilder();
        for (SimScenario s : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.cliName());
        }
        return sb.toString();
    }
}
