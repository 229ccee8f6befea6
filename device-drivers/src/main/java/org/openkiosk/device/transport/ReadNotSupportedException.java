package org.openkiosk.device.transport;

import java.io.IOException;

/**
 * The link cannot carry data back from the device (a unidirectional USB printer, a kernel without read
 * support). Callers report the device status as unknown rather than as a fault.
 */
public class ReadNotSupportedException extends IOException {
    public ReadNotSupportedException(String message) {
        super(message);
    }
}
