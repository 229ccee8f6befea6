package org.openkiosk.app.fleet.command;

/** Why a command is not carried out; {@link #code()} is stable for scripts, the message is for people. */
public final class CommandRejected extends Exception {

    public static final String OVERSIZED = "OVERSIZED";
    public static final String MALFORMED = "MALFORMED";
    public static final String UNSIGNED = "UNSIGNED";
    public static final String UNKNOWN_KEY = "UNKNOWN_KEY";
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    public static final String WRONG_KIOSK = "WRONG_KIOSK";
    public static final String EXPIRED = "EXPIRED";
    public static final String NOT_YET_VALID = "NOT_YET_VALID";
    public static final String LIFETIME_TOO_LONG = "LIFETIME_TOO_LONG";
    public static final String REPLAYED = "REPLAYED";
    public static final String UNKNOWN_COMMAND = "UNKNOWN_COMMAND";
    public static final String BAD_ARGUMENTS = "BAD_ARGUMENTS";
    public static final String INVALID_CONFIGURATION = "INVALID_CONFIGURATION";

    private final String code;

    public CommandRejected(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
