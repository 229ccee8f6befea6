package org.openkiosk.device.transport;

import java.io.IOException;

/** The device stopped accepting data: a write did not finish before its deadline. */
public class WriteTimeoutException extends IOException {
    public WriteTimeoutException(String message) {
        super(message);
    }
}
