package org.openkiosk.device.transport;

import java.io.IOException;

/** The device went away (unplugged, socket closed, pty closed). The transport must be reopened. */
public class DisconnectedException extends IOException {
    public DisconnectedException(String message) {
        super(message);
    }

    public DisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
