package org.openkiosk.device.escpos;

import java.util.Optional;
import org.openkiosk.device.RecommendedAction;

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

    /** What keeps the printer from printing, in technician words; empty when it can print. */
    public Optional<String> fault() {
        PrinterStatus s = this;
        if (s.coverOpen()) {
            return Optional.of("cover open");
        }
        if (s.paper() == PaperLevel.EMPTY) {
            return Optional.of("paper end");
        }
        if (s.cutterError()) {
            return Optional.of("auto-cutter error (paper jammed at the blade?)");
        }
        if (s.unrecoverable()) {
            return Optional.of("unrecoverable printer error");
        }
        if (s.autoRecoverable()) {
            return Optional.of("temporary printer error (e.g. print head overheated)");
        }
        if (!s.online()) {
            return Optional.of("printer offline");
        }
        return Optional.empty();
    }

    /** What fixes {@link #fault()}. */
    public Optional<RecommendedAction> remedy() {
        PrinterStatus s = this;
        if (s.coverOpen()) {
            return Optional.of(RecommendedAction.CLOSE_COVER);
        }
        if (s.paper() == PaperLevel.EMPTY) {
            return Optional.of(RecommendedAction.LOAD_PAPER);
        }
        if (s.cutterError()) {
            return Optional.of(RecommendedAction.CLEAR_PAPER_JAM);
        }
        if (s.unrecoverable()) {
            return Optional.of(RecommendedAction.CALL_MAINTENANCE);
        }
        if (s.autoRecoverable() || !s.online()) {
            return Optional.of(RecommendedAction.RETRY);
        }
        return Optional.empty();
    }

}
