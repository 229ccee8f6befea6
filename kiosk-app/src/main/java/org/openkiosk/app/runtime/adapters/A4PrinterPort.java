package org.openkiosk.app.runtime.adapters;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.openkiosk.app.service.port.A4PrintPort;
import org.openkiosk.app.service.port.PrintLookup;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.a4.A4PrinterDevice;
import org.openkiosk.device.a4.JobState;
import org.openkiosk.device.a4.JobStatus;
import org.openkiosk.device.a4.JobSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate service's A4 port over the {@code ipp} driver. Device trouble is a failed outcome with the
 * printer's reason, never an exception, and "printed" only when the printer reported the job completed.
 */
public final class A4PrinterPort implements A4PrintPort {

    private static final Logger log = LoggerFactory.getLogger(A4PrinterPort.class);

    private final Supplier<Optional<A4PrinterDevice>> printer;

    /** @param printer looked up at each print: a driver built later by device recovery is used too */
    public A4PrinterPort(Supplier<Optional<A4PrinterDevice>> printer) {
        this.printer = Objects.requireNonNull(printer, "printer");
    }

    @Override
    public PrintOutcome print(String jobTitle, byte[] pdf) {
        Optional<A4PrinterDevice> found = printer.get();
        if (found.isEmpty()) {
            return PrintOutcome.failed("no usable A4 printer driver (not configured, or it could not be built)");
        }
        A4PrinterDevice device = found.get();
        if (device.state() != DeviceState.ENABLED) {
            return PrintOutcome.failed("the A4 printer is not ready (" + device.state().name().toLowerCase()
                    + "): " + device.health().text());
        }
        try {
            org.openkiosk.device.a4.PrintOutcome outcome = device.print(pdf, jobTitle);
            return outcome.printed() ? PrintOutcome.success()
                    : PrintOutcome.failed(outcome.status() + ": " + outcome.detail());
        } catch (DeviceException e) {
            return PrintOutcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("A4 print of {} failed unexpectedly", jobTitle, e);
            return PrintOutcome.failed("the A4 printer driver failed: " + e);
        }
    }

    /**
     * Reads the printer's jobs (Get-Jobs): completed in its history is printed; cancelled or aborted is not; a job
     * still waiting or printing is cancelled now (its citizen left long ago, ADR 0051) and counts as printed if it
     * completed meanwhile. Not listed at all: unknown (never received, or forgotten by the printer's history).
     */
    @Override
    public PrintLookup lookUp(String jobTitle) {
        Optional<A4PrinterDevice> found = printer.get();
        if (found.isEmpty()) {
            return PrintLookup.askAgainLater("no usable A4 printer driver to ask");
        }
        A4PrinterDevice device = found.get();
        try {
            for (JobSummary job : device.jobs("not-completed")) {
                if (job.name().equals(jobTitle)) {
                    JobStatus after = device.cancelAndRead(job.jobId());
                    return after.state() == JobState.COMPLETED
                            ? PrintLookup.printed("job " + job.jobId() + " was still " + job.state().keyword()
                                    + " and completed before it could be cancelled")
                            : PrintLookup.notPrinted("job " + job.jobId() + " was still " + job.state().keyword()
                                    + "; cancelled now (" + after.state().keyword() + ") so it does not come out later");
                }
            }
            for (JobSummary job : device.jobs("completed")) {
                if (job.name().equals(jobTitle)) {
                    return switch (job.state()) {
                        case COMPLETED -> PrintLookup.printed("the printer's job history lists job " + job.jobId()
                                + " completed");
                        case CANCELED, ABORTED -> PrintLookup.notPrinted("the printer's job history lists job "
                                + job.jobId() + " " + job.state().keyword());
                        default -> PrintLookup.unknown("the printer's job history lists job " + job.jobId() + " as "
                                + job.state().keyword());
                    };
                }
            }
            return PrintLookup.unknown("the printer's job history does not list it: it never reached the printer,"
                    + " or the printer no longer remembers it");
        } catch (DeviceException e) {
            return e.retryable() ? PrintLookup.askAgainLater("the printer does not answer: " + e.getMessage())
                    : PrintLookup.unknown("the printer cannot list its jobs: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("reading the A4 printer's jobs failed unexpectedly", e);
            return PrintLookup.askAgainLater("the A4 printer driver failed: " + e);
        }
    }
}
