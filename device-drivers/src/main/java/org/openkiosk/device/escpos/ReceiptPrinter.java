package org.openkiosk.device.escpos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openkiosk.device.AbstractDevice;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceState;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.ReadNotSupportedException;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.openkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer over any byte transport (serial, usblp, TCP 9100).
 *
 * <p>Each job: ask the real-time status and refuse (with the action that fixes it) when paper is out, the cover
 * open or the cutter jammed — so nothing is half-printed; send the whole job followed by {@code GS r 1}, whose
 * reply comes only once the printer has processed everything: that is the "job done" signal that fires
 * {@link DeviceEvent.OutputComplete}. No reply in time means the printer stopped mid-job; the real-time status
 * then says why.
 */
public final class ReceiptPrinter extends AbstractDevice {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinter.class);

    private final Transport transport;
    private final ReceiptPrinterOptions options;
    private final ReceiptWriter writer;
    private final AtomicLong jobIds = new AtomicLong();
    private final Object jobLock = new Object();
    private volatile PrinterStatus lastStatus;
    /** Whether the model answers GS r 1: null until found out (ADR 0131). */
    private volatile Boolean modelConfirms;
    private final java.util.List<AutoCloseable> companions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ReceiptPrinter(String logicalName, Transport transport, ReceiptPrinterOptions options) {
        super(logicalName, DeviceClass.RECEIPT_PRINTER);
        this.transport = transport;
        this.options = options;
        this.writer = new ReceiptWriter(options.paper(), options.residentFont(), options.cutter());
    }

    @Override
    public String description() {
        return "escpos " + options.paper().millimetres() + " mm over " + transport.describe();
    }

    public ReceiptPrinterOptions options() {
        return options;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.of(Capability.PRINTS_QR_CODE, Capability.PRINTS_RASTER_IMAGE);
        if (options.cutter()) {
            caps.add(Capability.CAN_CUT);
        }
        if (options.statusMode() != ReceiptPrinterOptions.StatusMode.OFF) {
            caps.add(Capability.REPORTS_PAPER_NEAR_END);
            caps.add(Capability.REPORTS_COVER_OPEN);
        }
        return caps;
    }

    @Override
    protected void doOpen() throws DeviceException {
        try {
            transport.open();
        } catch (IOException e) {
            throw new DeviceException(logicalName() + ": cannot open " + transport.describe() + ": " + e.getMessage(),
                    RecommendedAction.RECONNECT, true, e);
        }
    }

    @Override
    protected void doClose() {
        transport.close();
        for (AutoCloseable companion : companions) {
            try {
                companion.close();
            } catch (Exception e) {
                log.warn("{}: closing {} failed", logicalName(), companion, e);
            }
        }
    }

    /** Something that lives as long as this printer (e.g. the simulator behind a {@code sim:} URI). */
    public void closeWith(AutoCloseable companion) {
        companions.add(companion);
    }

    /** The status seen by the last query, if any. */
    public Optional<PrinterStatus> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /**
     * Asks the printer for its real-time status.
     *
     * @return empty when the link cannot carry replies (unidirectional USB) and the status mode allows that
     */
    public Optional<PrinterStatus> status() throws DeviceException {
        synchronized (jobLock) {
            requireAtLeast(DeviceState.OPENED, "query status");
            ensureConnected();
            return queryStatus();
        }
    }

    /** Prints a receipt; returns its job id once the printer confirmed it (or, see {@link #submit}, sent it). */
    public long print(Receipt receipt) throws DeviceException {
        return submit(receipt).id();
    }

    /** Sends an already encoded job (it should start with ESC @); same checks and confirmation as a receipt. */
    public long printJob(byte[] job, boolean cuts) throws DeviceException {
        return submitJob(job, cuts).id();
    }

    /**
     * Prints a receipt and says whether the printer confirmed it: on a model that does not answer GS r (under
     * {@code confirmJobs: auto}) the job is sent whole and reported {@linkplain ReceiptJob#confirmed() unconfirmed},
     * never as incomplete.
     */
    public ReceiptJob submit(Receipt receipt) throws DeviceException {
        return submitJob(writer.encode(receipt), receipt.cuts() && options.cutter());
    }

    /** {@link #submit(Receipt)} for an already encoded job. */
    public ReceiptJob submitJob(byte[] job, boolean cuts) throws DeviceException {
        synchronized (jobLock) {
            requireAtLeast(DeviceState.ENABLED, "print");
            long jobId = jobIds.incrementAndGet();
            ensureConnected();
            updateHealth(HealthStatus.busy("printing job " + jobId));
            Optional<PrinterStatus> before = queryStatus();
            if (before.isPresent()) {
                refuseUnlessReady(before.get());
            }
            ReceiptJob result;
            try {
                boolean confirm = before.isPresent() && shouldConfirm();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(job.length + 3);
                bytes.write(job);
                if (confirm) {
                    new EscPosEncoder(bytes, options.paper()).requestPaperStatus();
                    transport.discardInput();
                }
                transport.write(bytes.toByteArray());
                if (confirm) {
                    awaitJobProcessed(jobId);
                    result = new ReceiptJob(jobId, true, "");
                } else {
                    String note = before.isEmpty() ? "status unknown (the link cannot read replies)"
                            : options.confirmJobs() == ReceiptPrinterOptions.JobConfirmation.OFF
                            ? "sent, not confirmed (confirmJobs is off)" : ReceiptJob.NOT_CONFIRMABLE;
                    if (before.isPresent()) {
                        healthFrom(before.get(), "sent job " + jobId + ": " + note);
                    } else {
                        updateHealth(HealthStatus.online("sent job " + jobId + ": " + note));
                    }
                    result = new ReceiptJob(jobId, false, note);
                }
            } catch (DisconnectedException e) {
                throw lostConnection(e);
            } catch (IOException e) {
                throw fail(new DeviceException(logicalName() + ": job " + jobId + " failed: " + e.getMessage(),
                        RecommendedAction.RETRY, true, e), HealthStatus.error(e.getMessage(), RecommendedAction.RETRY));
            }
            statistics().increment(DeviceStatistics.PRINTS);
            if (cuts) {
                statistics().increment(DeviceStatistics.CUTS);
            }
            fire(new DeviceEvent.OutputComplete(logicalName(), Instant.now(), jobId));
            return result;
        }
    }

    /**
     * Whether the model confirms jobs, as found out by asking GS r 1 on its own at the first status check; empty
     * while not known (no check yet, {@code confirmJobs: off}, or a link without replies).
     */
    public Optional<Boolean> confirmsJobs() {
        return Optional.ofNullable(modelConfirms);
    }

    /**
     * Whether to end this job with GS r 1. Finds out once whether the model answers it; under
     * {@code confirmJobs: required} a model that does not is refused before any byte of the job is sent.
     */
    private boolean shouldConfirm() throws IOException, DeviceException {
        if (options.confirmJobs() == ReceiptPrinterOptions.JobConfirmation.OFF) {
            return false;
        }
        if (modelConfirms == null) {
            detectConfirmation();
        }
        if (Boolean.FALSE.equals(modelConfirms)) {
            if (options.confirmJobs() == ReceiptPrinterOptions.JobConfirmation.REQUIRED) {
                throw fail(new DeviceException(logicalName() + ": " + CANNOT_CONFIRM_REQUIRED
                        + "; nothing was printed — set confirmJobs: auto to print without confirmation",
                        RecommendedAction.CHECK_CONFIGURATION, false),
                        HealthStatus.error(CANNOT_CONFIRM_REQUIRED, RecommendedAction.CHECK_CONFIGURATION));
            }
            return false;
        }
        return true;
    }

    private static final String CANNOT_CONFIRM_REQUIRED =
            "this model does not confirm jobs (it answers DLE EOT but not GS r) and confirmJobs is required";

    /**
     * Asks GS r 1 outside a job. No reply while the real-time status says the printer is fine means the model
     * does not implement it; no reply while it reports a fault says nothing, and the question is asked again later.
     */
    private void detectConfirmation() throws IOException {
        try {
            StatusQuery.probePaperSensor(transport, options.statusTimeout());
            modelConfirms = true;
        } catch (ReadTimeoutException e) {
            PrinterStatus status = StatusQuery.query(transport, options.statusTimeout());
            lastStatus = status;
            if (status.fault().isEmpty() && status.online()) {
                modelConfirms = false;
                log.info("{}: the printer answers DLE EOT but not GS r: jobs will be {}", logicalName(),
                        options.confirmJobs() == ReceiptPrinterOptions.JobConfirmation.REQUIRED
                                ? "refused (confirmJobs: required)" : "sent without confirmation");
            }
        }
    }

    private void awaitJobProcessed(long jobId) throws IOException, DeviceException {
        PaperLevel after;
        try {
            after = StatusQuery.awaitPaperSensor(transport, options.jobTimeout());
        } catch (ReadTimeoutException e) {
            // the printer stopped before the end of the job: the real-time status (answered even offline) says why
            PrinterStatus status = StatusQuery.query(transport, options.statusTimeout());
            lastStatus = status;
            String cause = status.fault().orElse("it did not confirm the job within " + options.jobTimeout().toMillis() + " ms");
            RecommendedAction action = status.remedy().orElse(RecommendedAction.RETRY);
            throw fail(new DeviceException(logicalName() + ": job " + jobId + " stopped before its end: " + cause
                    + "; the receipt is incomplete — " + action.description() + " and print it again", action, true),
                    HealthStatus.error(cause, action));
        }
        PrinterStatus status = new PrinterStatus(true, false, after, false, false, false);
        lastStatus = status;
        healthFrom(status, "printed job " + jobId);
    }

    private Optional<PrinterStatus> queryStatus() throws DeviceException {
        if (options.statusMode() == ReceiptPrinterOptions.StatusMode.OFF) {
            return Optional.empty();
        }
        try {
            PrinterStatus status = StatusQuery.query(transport, options.statusTimeout());
            lastStatus = status;
            return Optional.of(status);
        } catch (ReadNotSupportedException e) {
            if (options.statusMode() == ReceiptPrinterOptions.StatusMode.AUTO) {
                log.debug("{}: status unknown: {}", logicalName(), e.getMessage());
                return Optional.empty();
            }
            throw fail(new DeviceException(logicalName() + ": " + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, false, e),
                    HealthStatus.error(e.getMessage(), RecommendedAction.CHECK_CONFIGURATION));
        } catch (ReadTimeoutException e) {
            String text = "the printer does not answer status queries (" + e.getMessage() + ")";
            throw fail(new DeviceException(logicalName() + ": " + text, RecommendedAction.RECONNECT, true, e),
                    HealthStatus.offline(text, RecommendedAction.RECONNECT));
        } catch (DisconnectedException e) {
            throw lostConnection(e);
        } catch (IOException e) {
            throw fail(new DeviceException(logicalName() + ": status query failed: " + e.getMessage(), RecommendedAction.RETRY, true, e),
                    HealthStatus.error(e.getMessage(), RecommendedAction.RETRY));
        }
    }

    private void refuseUnlessReady(PrinterStatus status) throws DeviceException {
        Optional<String> fault = status.fault();
        if (fault.isEmpty()) {
            healthFrom(status, "ready");
            return;
        }
        RecommendedAction action = status.remedy().orElse(RecommendedAction.RETRY);
        boolean retryable = !status.unrecoverable();
        throw fail(new DeviceException(logicalName() + ": not printing: " + fault.get() + " — " + action.description(),
                action, retryable), HealthStatus.error(fault.get(), action));
    }

    /** Near end stays ONLINE but the text changes, which fires a status update for the UI and monitoring. */
    private void healthFrom(PrinterStatus status, String what) {
        if (status.paper() == PaperLevel.NEAR_END) {
            updateHealth(HealthStatus.online("paper near end — load paper soon"));
        } else if (status.paper() == PaperLevel.EMPTY) {
            updateHealth(HealthStatus.error("paper end", RecommendedAction.LOAD_PAPER));
        } else {
            updateHealth(HealthStatus.online(what));
        }
    }

    /** Reopens the transport after a disconnect, so a re-plugged printer works without restarting the kiosk. */
    private void ensureConnected() throws DeviceException {
        if (transport.isOpen()) {
            return;
        }
        try {
            transport.open();
            statistics().increment(DeviceStatistics.RECONNECTS);
            log.info("{}: reconnected to {}", logicalName(), transport.describe());
        } catch (IOException e) {
            String text = "cannot reach the printer at " + transport.describe() + ": " + e.getMessage();
            throw fail(new DeviceException(logicalName() + ": " + text, RecommendedAction.RECONNECT, true, e),
                    HealthStatus.offline(text, RecommendedAction.RECONNECT));
        }
    }

    private DeviceException lostConnection(DisconnectedException e) {
        transport.close();
        String text = "connection lost: " + e.getMessage();
        return fail(new DeviceException(logicalName() + ": " + text, RecommendedAction.RECONNECT, true, e),
                HealthStatus.offline(text, RecommendedAction.RECONNECT));
    }

    private DeviceException fail(DeviceException error, HealthStatus health) {
        updateHealth(health);
        return reportError(error);
    }

    @Override
    public HealthStatus checkHealth(HealthCheckLevel level) {
        if (level == HealthCheckLevel.INTERNAL || state() == DeviceState.CLOSED) {
            return health();
        }
        try {
            if (level == HealthCheckLevel.INTERACTIVE) {
                print(TestPage.receipt(options.paper()));
            } else {
                selfCheck();
            }
        } catch (DeviceException e) {
            // health was updated where the error was found
        }
        return health();
    }

    /** The status, and once whether the model confirms jobs; the health says what was found. */
    private void selfCheck() throws DeviceException {
        synchronized (jobLock) {
            Optional<PrinterStatus> status = status();
            if (status.isEmpty()) {
                updateHealth(HealthStatus.online("status unknown (the link cannot read replies)"));
                return;
            }
            Optional<String> fault = status.get().fault();
            if (fault.isPresent()) {
                updateHealth(HealthStatus.error(fault.get(), status.get().remedy().orElse(RecommendedAction.RETRY)));
                return;
            }
            try {
                if (options.confirmJobs() != ReceiptPrinterOptions.JobConfirmation.OFF && modelConfirms == null) {
                    detectConfirmation();
                }
            } catch (DisconnectedException e) {
                throw lostConnection(e);
            } catch (IOException e) {
                throw fail(new DeviceException(logicalName() + ": self-check failed: " + e.getMessage(),
                        RecommendedAction.RETRY, true, e), HealthStatus.error(e.getMessage(), RecommendedAction.RETRY));
            }
            if (Boolean.FALSE.equals(modelConfirms)
                    && options.confirmJobs() == ReceiptPrinterOptions.JobConfirmation.REQUIRED) {
                updateHealth(HealthStatus.error(CANNOT_CONFIRM_REQUIRED, RecommendedAction.CHECK_CONFIGURATION));
            } else if (Boolean.FALSE.equals(modelConfirms)) {
                healthFrom(status.get(), "ready; jobs are " + ReceiptJob.NOT_CONFIRMABLE);
            } else {
                healthFrom(status.get(), "ready");
            }
        }
    }
}
