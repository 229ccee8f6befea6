package org.openkiosk.device.a4;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits one PDF and follows the job until it ends: completed, cancelled, aborted, a printer condition that
 * needs a person (stopped, out of paper, jam, cover open), the printer vanishing, or the timeout.
 *
 * <p>When the kiosk gives up on a job it cancels it, so a citizen's certificate never comes out later for
 * nobody to collect (ADR 0051).
 */
final class PrintJobTracker {

    private static final Logger log = LoggerFactory.getLogger(PrintJobTracker.class);
    /** Consecutive failed polls before the printer counts as gone (one hiccup is not an outage). */
    private static final int MAX_FAILED_POLLS = 3;

    private final IppPrinter printer;
    private final PrintSettings settings;

    PrintJobTracker(IppPrinter printer, PrintSettings settings) {
        this.printer = printer;
        this.settings = settings;
    }

    PrintOutcome print(byte[] pdf, String jobName) {
        long start = System.nanoTime();
        long deadline = start + settings.jobTimeout().toNanos();
        JobStatus job;
        try {
            List<IppAttribute> jobAttributes = settings.media().isEmpty() ? List.of()
                    : List.of(IppAttribute.of("media", IppTag.KEYWORD, settings.media()));
            job = printer.printPdf(pdf, jobName, jobAttributes);
        } catch (IppRejectedException e) {
            return outcome(PrintStatus.REJECTED, new JobStatus(0, JobState.UNKNOWN, List.of()), List.of(), e.getMessage(), start);
        } catch (IOException e) {
            return outcome(PrintStatus.UNREACHABLE, new JobStatus(0, JobState.UNKNOWN, List.of()), List.of(),
                    "cannot submit to " + printer.endpoint().httpUri() + ": " + e, start);
        }
        log.info("print job {} submitted to {} ({} bytes)", job.jobId(), printer.endpoint().printerUri(), pdf.length);
        List<String> printerReasons = List.of();
        int failedPolls = 0;
        while (true) {
            if (job.state().isTerminal()) {
                return finished(job, printerReasons, start);
            }
            if (job.reasons().contains("printer-stopped")) {
                return giveUp(PrintStatus.PRINTER_STOPPED, job, printerReasons, "the printer is stopped", start);
            }
            if (System.nanoTime() - deadline >= 0) {
                return giveUp(PrintStatus.TIMED_OUT, job, printerReasons,
                        "job not completed within " + settings.jobTimeout().toSeconds() + " s", start);
            }
            if (!sleep(settings.pollInterval(), deadline)) {
                return giveUp(PrintStatus.CANCELED, job, printerReasons, "the kiosk was interrupted while waiting", start);
            }
            try {
                job = printer.jobStatus(job.jobId());
                if (!job.state().isTerminal()) {
                    PrinterStatus status = printer.printerStatus();
                    printerReasons = status.reasons();
                    Optional<PrintStatus> blocked = status.blockingCondition();
                    if (blocked.isPresent()) {
                        return giveUp(blocked.get(), job, printerReasons, "printer " + status.stateName()
                                + (status.message().isEmpty() ? "" : ": " + status.message()), start);
                    }
                }
                failedPolls = 0;
            } catch (IOException e) {
                failedPolls++;
                log.warn("print job {}: poll {} failed: {}", job.jobId(), failedPolls, e.toString());
                if (failedPolls >= MAX_FAILED_POLLS) {
                    return outcome(PrintStatus.UNREACHABLE, job, printerReasons,
                            "the printer stopped answering while job " + job.jobId() + " was "
                                    + job.state().name().toLowerCase() + ": " + e.getMessage(), start);
                }
            }
        }
    }

    private PrintOutcome finished(JobStatus job, List<String> printerReasons, long start) {
        return switch (job.state()) {
            case COMPLETED -> outcome(PrintStatus.COMPLETED, job, printerReasons, "printed", start);
            case CANCELED -> outcome(PrintStatus.CANCELED, job, printerReasons, "the job was cancelled", start);
            default -> outcome(PrintStatus.ABORTED, job, printerReasons, "the printer aborted the job", start);
        };
    }

    private PrintOutcome giveUp(PrintStatus status, JobStatus job, List<String> printerReasons, String detail, long start) {
        String cancelled;
        try {
            printer.cancel(job.jobId());
            cancelled = "; the job was cancelled so it does not print later";
        } catch (IOException e) {
            cancelled = "; cancelling the job failed (" + e.getMessage() + "): a technician must remove it";
        }
        return outcome(status, job, printerReasons, detail + cancelled, start);
    }

    private static PrintOutcome outcome(PrintStatus status, JobStatus job, List<String> printerReasons, String detail, long start) {
        PrintOutcome outcome = new PrintOutcome(status, job.jobId(), job.state(), job.reasons(), printerReasons, detail,
                Duration.ofNanos(System.nanoTime() - start));
        if (outcome.printed()) {
            log.info("print job {}: {}", job.jobId(), outcome);
        } else {
            log.warn("print job {}: {}", job.jobId(), outcome);
        }
        return outcome;
    }

    /** Returns false when the waiting thread was interrupted (the kiosk is shutting down). */
    private static boolean sleep(Duration interval, long deadline) {
        long remaining = deadline - System.nanoTime();
        long nanos = Math.max(0, Math.min(interval.toNanos(), remaining));
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
