package org.openkiosk.device.transport;

import java.io.IOException;

/** A read deadline passed before the expected bytes arrived. */
public class ReadTimeoutException extends IOException {
    public ReadTimeoutException(String message) {
        super(message);
    }
}
