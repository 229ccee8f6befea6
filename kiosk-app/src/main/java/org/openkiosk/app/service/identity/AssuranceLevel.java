package org.openkiosk.app.service.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How strongly the citizen at the kiosk proved who they are, weakest first. A service states the least level
 * it needs ({@code assurance} in {@code services.yaml}); a citizen below it is asked for stronger proof.
 */
public enum AssuranceLevel {
    /** No proof at all: only for services that show nothing personal and act in nobody's name (checking a certificate). */
    NONE("none"),
    /** The ID number typed on the keypad: anyone who knows the number can type it. */
    TYPED_NUMBER("typed-number"),
    /** An appointment slip's QR code: proves only the booking printed on it, nothing else about the person. */
    SLIP("slip"),
    /** The ID card's chip read by the reader (the card is present, its holder not checked). */
    CARD("card"),
    /** The card plus a live face matched against it (人证核验). */
    CARD_AND_FACE("card-and-face");

    private final String configName;

    AssuranceLevel(String configName) {
        this.configName = configName;
    }

    /** The spelling in {@code services.yaml}, e.g. {@code typed-number}. */
    public String configName() {
        return configName;
    }

    public boolean atLeast(AssuranceLevel required) {
        return compareTo(required) >= 0;
    }

    /** The level for a {@code services.yaml} spelling; empty when it names none. */
    public static Optional<AssuranceLevel> parse(String configName) {
        if (configName == null) {
            return Optional.empty();
        }
        String wanted = configName.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.configName.equals(wanted)).findFirst();
    }

    /** All spellings, for error hints. */
    public static String spellings() {
        return String.join(", ", Arrays.stream(values()).map(AssuranceLevel::configName).toList());
    }
}
