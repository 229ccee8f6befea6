package org.openkiosk.device.idcard;

import java.util.Optional;
import org.openkiosk.device.RecommendedAction;

/**
 * Every SW3 code of the GA 467 module (its own status byte in each reply), with a technician-readable meaning and
 * what to do about it. SW3 decides a reply's outcome; SW1/SW2 only echo the card.
 */
public enum Sw3Status {
    OK(0x90, "success", Category.SUCCESS, RecommendedAction.NONE),
    NO_CONTENT(0x91, "no content for this item (e.g. no appended address on the card)", Category.SUCCESS, RecommendedAction.NONE),
    CARD_FOUND(0x9F, "card found", Category.SUCCESS, RecommendedAction.NONE),
    HOST_CHECKSUM_ERROR(0x10, "the module received a frame with a wrong checksum", Category.LINK, RecommendedAction.RETRY),
    HOST_LENGTH_ERROR(0x11, "the module received a frame with a wrong length", Category.LINK, RecommendedAction.RETRY),
    BAD_COMMAND(0x21, "the module does not know this command", Category.LINK, RecommendedAction.CHECK_CONFIGURATION),
    UNAUTHORISED(0x23, "operation not authorised", Category.MODULE_FAULT, RecommendedAction.CHECK_CONFIGURATION),
    UNKNOWN_ERROR(0x24, "unknown error inside the module", Category.MODULE_FAULT, RecommendedAction.RETRY),
    CARD_AUTHENTICATES_MODULE_FAILED(0x31, "the card failed to authenticate the module", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    MODULE_AUTHENTICATES_CARD_FAILED(0x32, "the module failed to authenticate the card (forged or damaged card?)", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    VERIFICATION_FAILED(0x33, "information verification failed", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    FINGERPRINT_ERROR(0x37, "fingerprint information verification error", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    CARD_LENGTH_ERROR(0x3F, "length error in the card's data", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    UNRECOGNISED_CARD(0x40, "unrecognised card type (not an ID card?)", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    READ_FAILED(0x41, "reading the card failed (card removed during the read?)", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    RANDOM_NUMBER_FAILED(0x47, "getting a random number from the card failed", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD),
    SELF_TEST_FAILED(0x60, "the module's self-test failed", Category.MODULE_FAULT, RecommendedAction.CALL_MAINTENANCE),
    MODULE_NOT_AUTHORISED(0x66, "the module is not authorised (SAM not activated)", Category.MODULE_FAULT, RecommendedAction.CALL_MAINTENANCE),
    NO_CARD(0x80, "no card found", Category.NO_CARD, RecommendedAction.NONE),
    SELECT_FAILED(0x81, "selecting the card failed", Category.CARD, RecommendedAction.REMOVE_AND_REPLACE_CARD);

    /** How the reader reacts to a code. */
    public enum Category {
        /** The command did what was asked. */
        SUCCESS,
        /** Nothing on the reader; keep polling. */
        NO_CARD,
        /** The card (or its placement) is the problem: ask for it again, the device is fine. */
        CARD,
        /** The bytes between host and module were damaged: retry. */
        LINK,
        /** The module itself is faulty or not usable: the device is in ERROR. */
        MODULE_FAULT
    }

    private final int code;
    private final String meaning;
    private final Category category;
    private final RecommendedAction action;

    Sw3Status(int code, String meaning, Category category, RecommendedAction action) {
        this.code = code;
        this.meaning = meaning;
        this.category = category;
        this.action = action;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public Category category() {
        return category;
    }

    public RecommendedAction action() {
        return action;
    }

    /** For messages: {@code SW3 41: reading the card failed (card removed during the read?)}. */
    public String describe() {
        return String.format("SW3 %02X: %s", code, meaning);
    }

    public static Optional<Sw3Status> of(int code) {
        for (Sw3Status s : values()) {
            if (s.code == (code & 0xFF)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A description for any byte, including codes the specification does not list. */
    public static String describe(int code) {
        return of(code).map(Sw3Status::describe)
                .orElse(String.format("SW3 %02X: status code not in the GA 467 specification", code & 0xFF));
    }
}
