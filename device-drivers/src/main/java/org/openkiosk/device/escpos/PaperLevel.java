package org.openkiosk.device.escpos;

/** What the paper sensors report. */
public enum PaperLevel {
    OK,
    NEAR_END,
    EMPTY
}
