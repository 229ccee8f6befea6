package org.openkiosk.device.idcard;

import java.io.IOException;

/** The card's text block does not follow the layout of its card type (a field is not what it should be). */
public class IdCardFormatException extends IOException {
    public IdCardFormatException(String message) {
        super(message);
    }
}
