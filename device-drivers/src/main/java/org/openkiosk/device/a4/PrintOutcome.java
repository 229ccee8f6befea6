package org.openkiosk.device.a4;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.openkiosk.device.RecommendedAction;

/**
 * The final outcome of one print, ready for the UI: {@link #printed()} is true only when the printer reported
 * the job {@code completed}.
 *
 * @param status               how it ended
 * @param jobId                the IPP job id, or 0 when no job was created
 * @param lastJobState         the last job state seen
 * @param jobStateReasons      the last {@code job-state-reasons} seen
 * @param printerStateReasons  the last {@code printer-state-reasons} seen
 * @param detail               technician-readable cause
 * @param elapsed              from submission to this outcome
 */
public record PrintOutcome(PrintStatus status, int jobId, JobState lastJobState, List<String> jobStateReasons,
                           List<String> printerStateReasons, String detail, Duration elapsed) {

    public PrintOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastJobState, "lastJobState");
        jobStateReasons = List.copyOf(jobStateReasons);
        printerStateReasons = List.copyOf(printerStateReasons);
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(elapsed, "elapsed");
        if (status == PrintStatus.COMPLETED && lastJobState != JobState.COMPLETED) {
            throw new IllegalArgumentException("a print is COMPLETED only when the job state is completed");
        }
    }

    /** True only when the job state reached {@code completed}. */
    public boolean printed() {
        return status == PrintStatus.COMPLETED;
    }

    public RecommendedAction action() {
        return status.action();
    }

    @Override
    public String toString() {
        return status + " (job " + jobId + ", " + lastJobState.name().toLowerCase()
                + ", job-state-reasons=" + jobStateReasons + ", printer-state-reasons=" + printerStateReasons
                + ", " + elapsed.toMillis() + " ms): " + detail;
    }
}
