package org.openkiosk.device.a4;

import java.util.List;
import java.util.Optional;

/**
 * What the printer says about itself ({@code printer-state}, {@code printer-state-reasons},
 * {@code printer-state-message}, {@code printer-is-accepting-jobs}).
 */
public record PrinterStatus(PrinterState state, List<String> reasons, String message, boolean acceptingJobs) {

    public PrinterStatus {
        java.util.Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
        message = message == null ? "" : message;
    }

    /**
     * The condition that keeps a job from printing until a person acts, if any. Reasons ending in
     * {@code -report} or {@code -warning} are informational (e.g. {@code media-low-warning}) and ignored.
     */
    public Optional<PrintStatus> blockingCondition() {
        PrintStatus found = null;
        for (String reason : reasons) {
            if (reason.endsWith("-report") || reason.endsWith("-warning")) {
                continue;
            }
            String keyword = reason.endsWith("-error") ? reason.substring(0, reason.length() - 6) : reason;
            PrintStatus status = switch (keyword) {
                case "media-empty", "media-needed" -> PrintStatus.OUT_OF_PAPER;
                case "media-jam" -> PrintStatus.PAPER_JAM;
                case "door-open", "cover-open", "interlock-open" -> PrintStatus.COVER_OPEN;
                case "paused", "moving-to-paused", "stopped", "shutdown", "offline" -> PrintStatus.PRINTER_STOPPED;
                default -> null;
            };
            // a specific hardware cause wins over the generic "stopped"
            if (status != null && (found == null || found == PrintStatus.PRINTER_STOPPED)) {
                found = status;
            }
        }
        if (found == null && state == PrinterState.STOPPED) {
            found = PrintStatus.PRINTER_STOPPED;
        }
        return Optional.ofNullable(found);
    }

    public String stateName() {
        return state == PrinterState.UNKNOWN ? "in an unknown state" : state.keyword();
    }
}
