package org.openkiosk.app.runtime;

/** A configured device could not be built: the message names the device, its driver and URI, and the cause. */
public final class DeviceCreationException extends Exception {

    private final String logicalName;

    public DeviceCreationException(String logicalName, String message, Throwable cause) {
        super(logicalName + ": " + message, cause);
        this.logicalName = logicalName;
    }

    public String logicalName() {
        return logicalName;
    }
}
