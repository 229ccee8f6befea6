package org.openkiosk.device.a4;

import org.openkiosk.device.RecommendedAction;

/** How a print ended, from the citizen's point of view. Only {@link #COMPLETED} means paper came out. */
public enum PrintStatus {
    COMPLETED(RecommendedAction.NONE),
    /** The job was cancelled (by a technician, the printer, or the kiosk after a fault). */
    CANCELED(RecommendedAction.RETRY),
    /** The printer or CUPS gave up on the job (bad document, filter failure, device error). */
    ABORTED(RecommendedAction.CALL_MAINTENANCE),
    /** The queue or the printer is stopped/paused: nothing prints until a technician resumes it. */
    PRINTER_STOPPED(RecommendedAction.CALL_MAINTENANCE),
    OUT_OF_PAPER(RecommendedAction.LOAD_PAPER),
    PAPER_JAM(RecommendedAction.CLEAR_PAPER_JAM),
    COVER_OPEN(RecommendedAction.CLOSE_COVER),
    /** The printer refused the job (unsupported format, not accepting jobs …). */
    REJECTED(RecommendedAction.CHECK_CONFIGURATION),
    /** CUPS or the printer could not be reached, or stopped answering. */
    UNREACHABLE(RecommendedAction.RECONNECT),
    /** The job did not finish before the timeout. */
    TIMED_OUT(RecommendedAction.CALL_MAINTENANCE);

    private final RecommendedAction action;

    PrintStatus(RecommendedAction action) {
        this.action = action;
    }

    public RecommendedAction action() {
        return action;
    }
}
