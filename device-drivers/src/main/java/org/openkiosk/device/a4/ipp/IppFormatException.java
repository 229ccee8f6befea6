package org.openkiosk.device.a4.ipp;

import java.io.IOException;

/** The bytes are not a well-formed IPP message; the message says where and why. */
public class IppFormatException extends IOException {
    public IppFormatException(String message) {
        super(message);
    }
}
