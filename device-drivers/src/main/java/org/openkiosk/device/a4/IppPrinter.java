package org.openkiosk.device.a4;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppClient;
import org.openkiosk.device.a4.ipp.IppLimits;
import org.openkiosk.device.a4.ipp.IppMessage;
import org.openkiosk.device.a4.ipp.IppOperation;
import org.openkiosk.device.a4.ipp.IppStatus;
import org.openkiosk.device.a4.ipp.IppTag;

/** The four IPP operations the kiosk needs, against one printer (a CUPS queue or an IPP printer). */
public final class IppPrinter {

    private final PrinterEndpoint endpoint;
    private final IppClient client;
    private final String userName;

    public IppPrinter(PrinterEndpoint endpoint, Duration requestTimeout, String userName) {
        this(endpoint, requestTimeout, userName, null);
    }

    /** @param tls for an {@code ipps://} endpoint; null for the system's CA store */
    public IppPrinter(PrinterEndpoint endpoint, Duration requestTimeout, String userName, SSLContext tls) {
        this.endpoint = endpoint;
        this.client = new IppClient(endpoint.httpUri(), requestTimeout, tls, IppLimits.DEFAULT);
        this.userName = userName;
    }

    public PrinterEndpoint endpoint() {
        return endpoint;
    }

    /** Submits a PDF; returns the created job, or throws {@link IppRejectedException} with the status code. */
    public JobStatus printPdf(byte[] pdf, String jobName, List<IppAttribute> jobAttributes) throws IOException {
        IppMessage.Builder request = request(IppOperation.PRINT_JOB)
                .operation("job-name", IppTag.NAME, jobName)
                .operation("document-format", IppTag.MIME_MEDIA_TYPE, "application/pdf");
        if (!jobAttributes.isEmpty()) {
            request.group(IppTag.JOB_ATTRIBUTES, jobAttributes);
        }
        IppMessage response = client.send(request.build(), pdf);
        requireSuccess(response, IppOperation.PRINT_JOB);
        int jobId = response.find(IppTag.JOB_ATTRIBUTES, "job-id").map(a -> a.intValue(0)).orElse(0);
        if (jobId <= 0) {
            throw new IppRejectedException(response.code(), "Print-Job answered without a job-id");
        }
        return jobStatus(response, jobId);
    }

    public JobStatus jobStatus(int jobId) throws IOException {
        IppMessage response = client.send(request(IppOperation.GET_JOB_ATTRIBUTES)
                .operation("job-id", IppTag.INTEGER, jobId)
                .operation("requested-attributes", IppTag.KEYWORD, "job-id", "job-state", "job-state-reasons")
                .build());
        requireSuccess(response, IppOperation.GET_JOB_ATTRIBUTES);
        return jobStatus(response, jobId);
    }

    /**
     * The printer's jobs (Get-Jobs, RFC 8011 §4.2.6) of this kiosk's user: {@code which} is {@code completed} (the
     * job history: completed, cancelled, aborted) or {@code not-completed}. A printer keeps its history for a while
     * only (ippeveprinter about a minute, CUPS as {@code PreserveJobHistory} says).
     */
    public List<JobSummary> jobs(String which) throws IOException {
        IppMessage response = client.send(request(IppOperation.GET_JOBS)
                .operation("which-jobs", IppTag.KEYWORD, which)
                .operation("requested-attributes", IppTag.KEYWORD, "job-id", "job-name", "job-state")
                .build());
        requireSuccess(response, IppOperation.GET_JOBS);
        List<JobSummary> jobs = new java.util.ArrayList<>();
        for (IppMessage.Group group : response.groups()) {
            if (group.tag() != IppTag.JOB_ATTRIBUTES) {
                continue;
            }
            int id = group.find("job-id").map(a -> a.intValue(0)).orElse(0);
            String name = group.find("job-name").map(a -> String.join(" ", a.strings())).orElse("");
            JobState state = JobState.of(group.find("job-state").map(a -> a.intValue(-1)).orElse(-1));
            if (id > 0) {
                jobs.add(new JobSummary(id, name, state));
            }
        }
        return jobs;
    }

    public PrinterStatus printerStatus() throws IOException {
        IppMessage response = client.send(request(IppOperation.GET_PRINTER_ATTRIBUTES)
                .operation("requested-attributes", IppTag.KEYWORD, "printer-state", "printer-state-reasons",
                        "printer-state-message", "printer-is-accepting-jobs")
                .build());
        requireSuccess(response, IppOperation.GET_PRINTER_ATTRIBUTES);
        PrinterState state = PrinterState.of(response.find(IppTag.PRINTER_ATTRIBUTES, "printer-state")
                .map(a -> a.intValue(-1)).orElse(-1));
        List<String> reasons = response.find(IppTag.PRINTER_ATTRIBUTES, "printer-state-reasons")
                .map(IppAttribute::strings).orElse(List.of());
        String message = response.find(IppTag.PRINTER_ATTRIBUTES, "printer-state-message")
                .map(a -> String.join(" ", a.strings())).orElse("");
        boolean accepting = response.find(IppTag.PRINTER_ATTRIBUTES, "printer-is-accepting-jobs")
                .map(a -> !a.values().isEmpty() && Boolean.TRUE.equals(a.values().get(0))).orElse(true);
        return new PrinterStatus(state, reasons.stream().filter(r -> !r.equals("none")).toList(), message, accepting);
    }

    /** Cancels a job; an already finished job is not an error. */
    public void cancel(int jobId) throws IOException {
        IppMessage response = client.send(request(IppOperation.CANCEL_JOB)
                .operation("job-id", IppTag.INTEGER, jobId)
                .build());
        // client-error-not-possible: the job is already finished
        if (!response.isSuccessful() && response.code() != IppStatus.CLIENT_ERROR_NOT_POSSIBLE.code()) {
            throw new IppRejectedException(response.code(), "Cancel-Job of job " + jobId);
        }
    }

    private IppMessage.Builder request(IppOperation operation) {
        return new IppMessage.Builder(operation, client.nextRequestId())
                .operation("printer-uri", IppTag.URI, endpoint.printerUri().toString())
                .operation("requesting-user-name", IppTag.NAME, userName);
    }

    private static JobStatus jobStatus(IppMessage response, int jobId) {
        int state = response.find(IppTag.JOB_ATTRIBUTES, "job-state").map(a -> a.intValue(-1)).orElse(-1);
        List<String> reasons = response.find(IppTag.JOB_ATTRIBUTES, "job-state-reasons")
                .map(IppAttribute::strings).orElse(List.of());
        return new JobStatus(jobId, JobState.of(state), reasons.stream().filter(r -> !r.equals("none")).toList());
    }

    private static void requireSuccess(IppMessage response, IppOperation operation) throws IppRejectedException {
        if (!response.isSuccessful()) {
            String message = response.find(IppTag.OPERATION_ATTRIBUTES, "status-message")
                    .map(a -> String.join(" ", a.strings())).orElse("");
            throw new IppRejectedException(response.code(), operation.keyword() + (message.isEmpty() ? "" : ": " + message));
        }
    }
}
