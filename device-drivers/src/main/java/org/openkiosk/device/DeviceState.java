package org.openkiosk.device;

/** The UnifiedPOS-style lifecycle: closed → opened → claimed → enabled, and back in reverse. */
public enum DeviceState {
    CLOSED,
    /** The transport is open; another part of the kiosk could still claim the device. */
    OPENED,
    /** This kiosk holds the device exclusively. */
    CLAIMED,
    /** The device delivers input events / accepts output. */
    ENABLED
}
