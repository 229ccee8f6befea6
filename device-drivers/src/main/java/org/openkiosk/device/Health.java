package org.openkiosk.device;

/** What a device can do for a citizen right now. */
public enum Health {
    ONLINE,
    OFFLINE,
    ERROR,
    BUSY
}
