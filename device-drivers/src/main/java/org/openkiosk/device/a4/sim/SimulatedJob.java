package org.openkiosk.device.a4.sim;

import java.time.Duration;
import java.util.List;
import org.openkiosk.device.a4.JobState;

/**
 * One job inside the IPP printer simulator. Time only runs for a job while the printer can print, so a job
 * that meets an empty paper tray stops where it was ({@code processing-stopped}) instead of completing. Times
 * are the simulator clock's nanoseconds, so {@code time-at-*} can be given in printer up-time seconds.
 */
final class SimulatedJob {

    private final int id;
    private final String name;
    private final String user;
    private final byte[] document;
    private final Duration pendingFor;
    private final Duration processingFor;
    private final long createdAt;
    private long activeNanos;
    private long processingAt = -1;
    private long endedAt = -1;
    private JobState finalState;

    SimulatedJob(int id, String name, String user, byte[] document, Duration pendingFor, Duration processingFor, long createdAt) {
        this.id = id;
        this.name = name;
        this.user = user;
        this.document = document;
        this.pendingFor = pendingFor;
        this.processingFor = processingFor;
        this.createdAt = createdAt;
    }

    int id() {
        return id;
    }

    String name() {
        return name;
    }

    String user() {
        return user;
    }

    byte[] document() {
        return document;
    }

    long createdAt() {
        return createdAt;
    }

    /** When printing started, or -1. */
    long processingAt() {
        return processingAt;
    }

    /** When the job completed or was cancelled, or -1. */
    long endedAt() {
        return endedAt;
    }

    /** Lets printing time pass up to {@code now}; returns true when the job just completed. */
    boolean advance(long nanos, long now) {
        if (finalState != null) {
            return false;
        }
        activeNanos += nanos;
        if (processingAt < 0 && activeNanos >= pendingFor.toNanos()) {
            processingAt = now;
        }
        if (activeNanos >= pendingFor.toNanos() + processingFor.toNanos()) {
            finalState = JobState.COMPLETED;
            endedAt = now;
            return true;
        }
        return false;
    }

    boolean isTerminal() {
        return finalState != null;
    }

    /** Cancels a job that has not ended; returns false when it already had. */
    boolean cancel(long now) {
        if (finalState != null) {
            return false;
        }
        finalState = JobState.CANCELED;
        endedAt = now;
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
