package org.openkiosk.device.escpos.sim;

import java.util.Locale;

/** The condition the simulated printer reports and behaves by. */
public enum SimulatedPaper {
    OK(0x12, 0x12, 0x12, 0x12, 0x00),
    NEAR_END(0x12, 0x12, 0x12, 0x1E, 0x03),
    EMPTY(0x1A, 0x32, 0x12, 0x7E, 0x0F),
    COVER_OPEN(0x1A, 0x16, 0x12, 0x12, 0x00),
    CUTTER_ERROR(0x1A, 0x52, 0x1A, 0x12, 0x00);

    private final int[] realTime;
    private final int paperSensor;

    SimulatedPaper(int printer, int offlineCause, int errorCause, int paperSensors, int paperSensor) {
        this.realTime = new int[] {printer, offlineCause, errorCause, paperSensors};
        this.paperSensor = paperSensor;
    }

    /** Reply byte to DLE EOT n. */
    public int realTimeReply(int n) {
        return realTime[n - 1];
    }

    /** Reply byte to GS r 1. */
    public int paperSensorReply() {
        return paperSensor;
    }

    /** Whether the printer prints in this condition (near end still prints). */
    public boolean prints() {
        return this == OK || this == NEAR_END;
    }

    /** From the command line: ok, near-end, empty, cover-open, cutter-error. */
    public static SimulatedPaper parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown paper state \"" + text + "\" (ok, near-end, empty, cover-open, cutter-error)");
        }
    }
}
