package org.openkiosk.device.a4;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openkiosk.device.AbstractDevice;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.TransportUri;

/**
 * An A4 printer reached over IPP: a CUPS queue ({@code cups:kioskA4}) or an IPP printer
 * ({@code cups:ipp://10.1.2.3:631/ipp/print}, or {@code cups:ipps://…} over TLS). {@link #print} submits a PDF and blocks until the job has
 * ended; it never reports a print that the printer did not confirm as completed.
 */
public final class A4PrinterDevice extends AbstractDevice {

    private final TransportUri uri;
    private final PrintSettings settings;
    private final IppPrinter printer;

    public A4PrinterDevice(String logicalName, TransportUri uri, PrintSettings settings) {
        super(logicalName, DeviceClass.A4_PRINTER);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.settings = Objects.requireNonNull(settings, "settings");
        PrinterEndpoint endpoint = PrinterEndpoint.of(uri);
        this.printer = new IppPrinter(endpoint, settings.requestTimeout(), settings.userName(),
                endpoint.secure() ? PrinterTrust.context(settings.trustCertificate()) : null);
    }

    @Override
    public String description() {
        return "ipp over " + uri + " (" + printer.endpoint().httpUri() + ")";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    protected void doOpen() throws DeviceException {
        PrinterStatus status = readPrinterStatus();
        if (!status.acceptingJobs()) {
            updateHealth(HealthStatus.error("the queue is not accepting jobs", RecommendedAction.CALL_MAINTENANCE));
        }
    }

    @Override
    protected void doClose() {
        // nothing held open: every IPP request uses its own connection
    }

    /**
     * Prints a PDF and waits for the job's end (at most the configured job timeout plus one request timeout).
     * Blocks: never call it on the UI thread.
     */
    public PrintOutcome print(byte[] pdf, String jobName) throws DeviceException {
        requireAtLeast(org.openkiosk.device.DeviceState.ENABLED, "print");
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw new DeviceException(logicalName() + ": the document is not a PDF", RecommendedAction.CHECK_CONFIGURATION, false);
        }
        // the health text goes off the kiosk (fleet state): not the job's name, which may carry a certificate
        // number (docs/fleet.md); the log has it (PrintJobTracker)
        updateHealth(HealthStatus.busy("printing a " + (pdf.length / 1024) + " KB document"));
        PrintOutcome outcome = new PrintJobTracker(printer, settings).print(pdf, jobName);
        if (outcome.printed()) {
            statistics().increment(DeviceStatistics.PRINTS);
            updateHealth(HealthStatus.online("last job completed"));
            fire(new DeviceEvent.OutputComplete(logicalName(), java.time.Instant.now(), outcome.jobId()));
        } else {
            statistics().increment(DeviceStatistics.ERRORS);
            updateHealth(HealthStatus.error(outcome.status() + ": " + outcome.detail(), outcome.action()));
        }
        return outcome;
    }

    /**
     * The printer's jobs ({@code completed} for its job history, or {@code not-completed}), to find out after a
     * crash whether a job the kiosk sent came out (ADR 0165). Blocks: never on the UI thread.
     */
    public java.util.List<JobSummary> jobs(String which) throws DeviceException {
        try {
            return printer.jobs(which);
        } catch (IppRejectedException e) {
            throw new DeviceException(logicalName() + ": " + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e);
        } catch (IOException e) {
            throw new DeviceException(logicalName() + ": cannot reach " + printer.endpoint().httpUri() + ": " + e,
                    RecommendedAction.RECONNECT, true, e);
        }
    }

    /**
     * Cancels a job nobody waits for any more (a job left by a crash) and reads its state afterwards: a job that
     * completed meanwhile stays {@link JobState#COMPLETED}.
     */
    public JobStatus cancelAndRead(int jobId) throws DeviceException {
        try {
            printer.cancel(jobId);
            return printer.jobStatus(jobId);
        } catch (IppRejectedException e) {
            throw new DeviceException(logicalName() + ": " + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e);
        } catch (IOException e) {
            throw new DeviceException(logicalName() + ": cannot reach " + printer.endpoint().httpUri() + ": " + e,
                    RecommendedAction.RECONNECT, true, e);
        }
    }

    @Override
    public HealthStatus checkHealth(HealthCheckLevel level) {
        if (level == HealthCheckLevel.INTERNAL) {
            return health();
        }
        try {
            PrinterStatus status = readPrinterStatus();
            Optional<PrintStatus> blocked = status.blockingCondition();
            HealthStatus next = blocked.map(b -> HealthStatus.error(b + ": printer " + status.stateName()
                            + " " + status.reasons(), b.action()))
                    .orElseGet(() -> status.acceptingJobs() ? HealthStatus.online("printer " + status.stateName())
                            : HealthStatus.error("the queue is not accepting jobs", RecommendedAction.CALL_MAINTENANCE));
            updateHealth(next);
        } catch (DeviceException e) {
            updateHealth(HealthStatus.offline(e.getMessage(), e.action()));
        }
        return health();
    }

    private PrinterStatus readPrinterStatus() throws DeviceException {
        try {
            return printer.printerStatus();
        } catch (IppRejectedException e) {
            throw reportError(new DeviceException(logicalName() + ": " + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e));
        } catch (IOException e) {
            throw reportError(new DeviceException(logicalName() + ": cannot reach " + printer.endpoint().httpUri() + ": " + e,
                    RecommendedAction.RECONNECT, true, e));
        }
    }
}
