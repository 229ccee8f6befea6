package org.openkiosk.device.escpos;

import java.io.IOException;

/** Bytes that are not valid ESC/POS (a command, a reply): the message names the byte and the position. */
public class EscPosProtocolException extends IOException {
    public EscPosProtocolException(String message) {
        super(message);
    }
}
