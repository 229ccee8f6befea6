package org.openkiosk.device.a4;

import java.io.IOException;

/** The printer answered an IPP request with an error status code (e.g. 0x0406 not found, 0x040A format unsupported). */
public class IppRejectedException extends IOException {

    private final int statusCode;

    public IppRejectedException(int statusCode, String what) {
        super(what + " failed with IPP status 0x" + String.format("%04x", statusCode) + " (" + describe(statusCode) + ")");
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }

    static String describe(int code) {
        return switch (code) {
            case 0x0400 -> "client-error-bad-request";
            case 0x0401 -> "client-error-forbidden";
            case 0x0402 -> "client-error-not-authenticated";
            case 0x0403 -> "client-error-not-authorized";
            case 0x0404 -> "client-error-not-possible";
            case 0x0406 -> "client-error-not-found";
            case 0x040A -> "client-error-document-format-not-supported";
            case 0x0500 -> "server-error-internal-error";
            case 0x0501 -> "server-error-operation-not-supported";
            case 0x0506 -> "server-error-not-accepting-jobs";
            case 0x0507 -> "server-error-busy";
            default -> code >= 0x0500 ? "server error" : "client error";
        };
    }
}
