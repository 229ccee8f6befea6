package org.openkiosk.device.a4.sim;

import java.time.Duration;
import java.util.List;
import org.openkiosk.device.a4.JobState;

/**
 * One job inside the IPP printer simulator. Time only runs for a job while the printer can print, so a job
 * that meets an empty paper tray stops where it was ({@code processing-stopped}) instead of completing.
 */
final class SimulatedJob {

    private final int id;
    private final String name;
    private final byte[] document;
    private final Duration pendingFor;
    private final Duration processingFor;
    private long activeNanos;
    private JobState finalState;

    SimulatedJob(int id, String name, byte[] document, Duration pendingFor, Duration processingFor) {
        this.id = id;
        this.name = name;
        this.document = document;
        this.pendingFor = pendingFor;
        this.processingFor = processingFor;
    }

    int id() {
        return id;
    }

    String name() {
        return name;
    }

    byte[] document() {
        return document;
    }

    /** Lets printing time pass; returns true when the job just completed. */
    boolean advance(long nanos) {
        if (finalState != null) {
            return false;
        }
        activeNanos += nanos;
        if (activeNanos >= pendingFor.toNanos() + processingFor.toNanos()) {
            finalState = JobState.COMPLETED;
            return true;
        }
        return false;
    }

    boolean isTerminal() {
        return finalState != null;
    }

    /** Cancels a job that has not ended; returns false when it already had. */
    boolean cancel() {
        if (finalState != null) {
            return false;
        }
        finalState = JobState.CANCELED;
        return true;
    }

    JobState state(boolean printerRunning) {
        if (finalState != null) {
            return finalState;
        }
        boolean started = activeNanos >= pendingFor.toNanos();
        if (!printerRunning) {
            return started ? JobState.PROCESSING_STOPPED : JobState.PENDING;
        }
        return started ? JobState.PROCESSING : JobState.PENDING;
    }

    /**
     * @param printerRunning false while the paper is out or the printer is stopped
     * @param paused         whether it is stopped by an operator ({@code printer-stopped}) rather than waiting
     *                       for a resource such as paper ({@code resources-are-not-ready})
     */
    List<String> reasons(boolean printerRunning, boolean paused) {
        if (finalState != null) {
            return List.of(switch (finalState) {
                case COMPLETED -> "job-completed-successfully";
                case CANCELED -> "job-canceled-by-user";
                default -> "aborted-by-system";
            });
        }
        if (!printerRunning) {
            return List.of(paused ? "printer-stopped" : "resources-are-not-ready");
        }
        return List.of(activeNanos >= pendingFor.toNanos() ? "job-printing" : "job-queued");
    }
}
