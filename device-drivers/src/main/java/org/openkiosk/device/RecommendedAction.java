package org.openkiosk.device;

/** What a technician (or the kiosk itself) should do about a device's condition. */
public enum RecommendedAction {
    NONE("nothing to do"),
    RETRY("retry the operation"),
    CHECK_CONFIGURATION("check the device configuration (driver, port, baud rate)"),
    RECONNECT("check the cable and power; the kiosk reconnects by itself"),
    LOAD_PAPER("load paper"),
    CLEAR_PAPER_JAM("clear the paper jam"),
    CLOSE_COVER("close the printer cover"),
    REMOVE_AND_REPLACE_CARD("ask the citizen to take the card off the reader and place it again"),
    CALL_MAINTENANCE("call maintenance: the device reports a hardware fault");

    private final String description;

    RecommendedAction(String description) {
        this.description = description;
    }

    /** Plain-English instruction for technicians (citizen texts come from the UI's resource bundles). */
    public String description() {
        return description;
    }
}
