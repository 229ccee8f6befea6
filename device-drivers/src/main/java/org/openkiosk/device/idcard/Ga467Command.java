package org.openkiosk.device.idcard;

/** The GA 467 commands the driver sends, with the SW3 each expects on success. */
public enum Ga467Command {
    RESET(0x10, 0xFF, Sw3Status.OK, "reset module"),
    MODULE_STATUS(0x11, 0xFF, Sw3Status.OK, "module status"),
    SAM_ID(0x12, 0xFF, Sw3Status.OK, "read module (SAM) id"),
    FIND_CARD(0x20, 0x01, Sw3Status.CARD_FOUND, "find card"),
    SELECT_CARD(0x20, 0x02, Sw3Status.OK, "select card"),
    READ_TEXT_AND_PHOTO(0x30, 0x01, Sw3Status.OK, "read text and photo"),
    READ_APPENDED_ADDRESS(0x30, 0x03, Sw3Status.OK, "read newest appended address"),
    READ_TEXT_PHOTO_FINGERPRINT(0x30, 0x10, Sw3Status.OK, "read text, photo and fingerprints");

    private final int cmd;
    private final int para;
    private final Sw3Status success;
    private final String description;

    Ga467Command(int cmd, int para, Sw3Status success, String description) {
        this.cmd = cmd;
        this.para = para;
        this.success = success;
        this.description = description;
    }

    public Ga467Frame frame() {
        return Ga467Frame.request(cmd, para);
    }

    public Sw3Status success() {
        return success;
    }

    public String description() {
        return description;
    }

    /** The request a simulator received, if it is one of these commands. */
    public static java.util.Optional<Ga467Command> of(Ga467Frame request) {
        for (Ga467Command c : values()) {
            if (c.cmd == request.cmd() && c.para == request.para()) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code 60 00..04}: switch the module's baud rate (the host must follow after the SW3 90 reply). */
    public static Ga467Frame setBaud(int baud) {
        int para = switch (baud) {
            case 115_200 -> 0x00;
            case 57_600 -> 0x01;
            case 38_400 -> 0x02;
            case 19_200 -> 0x03;
            case 9_600 -> 0x04;
            default -> throw new IllegalArgumentException("a GA 467 module supports 115200, 57600, 38400, 19200 or 9600 baud, not " + baud);
        };
        return Ga467Frame.request(0x60, para);
    }

    /** The baud rate a {@code 60 xx} request asks for. */
    public static int baudOf(Ga467Frame setBaud) {
        return switch (setBaud.para()) {
            case 0x00 -> 115_200;
            case 0x01 -> 57_600;
            case 0x02 -> 38_400;
            case 0x03 -> 19_200;
            case 0x04 -> 9_600;
            default -> throw new IllegalArgumentException("unknown baud selector " + setBaud.para());
        };
    }

    /** {@code 61 FF nn}: the largest RF frame the module uses towards the card. */
    public static Ga467Frame setMaxRfFrameBytes(int bytes) {
        if (bytes < 1 || bytes > 255) {
            throw new IllegalArgumentException("RF frame size must be 1..255, not " + bytes);
        }
        return Ga467Frame.request(0x61, 0xFF, (byte) bytes);
    }
}
