package org.openkiosk.device.escpos;

/**
 * The printer's state from the real-time status replies (DLE EOT 1–4).
 *
 * @param online          DLE EOT 1 bit 3 clear
 * @param coverOpen       DLE EOT 2 bit 2
 * @param paper           DLE EOT 4 bits 2/3 (near end) and 5/6 (end), or DLE EOT 2 bit 5 (stopped: paper end)
 * @param cutterError     DLE EOT 3 bit 3
 * @param unrecoverable   DLE EOT 3 bit 5
 * @param autoRecoverable DLE EOT 3 bit 6 (e.g. head overheated; clears by itself)
 */
public record PrinterStatus(boolean online, boolean coverOpen, PaperLevel paper, boolean cutterError,
                            boolean unrecoverable, boolean autoRecoverable) {

    public static final PrinterStatus READY = new PrinterStatus(true, false, PaperLevel.OK, false, false, false);

    /** Whether a job can be printed now (near end still prints). */
    public boolean canPrint() {
        return online && !coverOpen && paper != PaperLevel.EMPTY && !cutterError && !unrecoverable && !autoRecoverable;
    }
}
