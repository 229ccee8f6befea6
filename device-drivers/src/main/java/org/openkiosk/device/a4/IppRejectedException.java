package org.openkiosk.device.a4;

import java.io.IOException;
import org.openkiosk.device.a4.ipp.IppStatus;

/** The printer answered an IPP request with an error status code (e.g. 0x0406 not found, 0x040A format unsupported). */
public class IppRejectedException extends IOException {

    private final int statusCode;

    public IppRejectedException(int statusCode, String what) {
        super(what + " failed with IPP status 0x" + String.format("%04x", statusCode) + " (" + IppStatus.describe(statusCode) + ")");
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }
}
