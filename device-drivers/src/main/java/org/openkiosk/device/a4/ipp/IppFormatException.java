package org.openkiosk.device.a4.ipp;

import java.io.IOException;

/**
 * The bytes are not a well-formed IPP message, or exceed {@link IppLimits}; the message says at which byte
 * offset, what was expected and what was found.
 */
public class IppFormatException extends IOException {

    private final int offset;

    public IppFormatException(String message) {
        this(-1, message);
    }

    public IppFormatException(int offset, String message) {
        super(offset >= 0 ? "IPP message, byte " + offset + ": " + message : "IPP message: " + message);
        this.offset = offset;
    }

    /** Where in the message the problem starts, or -1 when it concerns the message as a whole. */
    public int offset() {
        return offset;
    }
}
