package org.openkiosk.app.cli;

/** The kiosk program's exit codes, documented in the README for supervisors such as systemd. */
public final class ExitCodes {
    /** Normal end. */
    public static final int OK = 0;
    /** Generic failure (also an unexpected internal error). */
    public static final int FAILURE = 1;
    /** Bad configuration or bad command-line usage: fix the input, do not restart in a loop. */
    public static final int BAD_CONFIGURATION = 2;
    /** Out of service / nothing arrived in time (e.g. no card before the timeout). */
    public static final int OUT_OF_SERVICE = 3;
    /** A device reported a fault. */
    public static final int DEVICE_FAULT = 4;
    /**
     * Sent whole, but the device cannot confirm the result (a receipt printer model without GS r): look at it
     * before printing again.
     */
    public static final int SENT_UNCONFIRMED = 5;

    private ExitCodes() {}
}
