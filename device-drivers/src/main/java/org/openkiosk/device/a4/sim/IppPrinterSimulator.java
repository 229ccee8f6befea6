package org.openkiosk.device.a4.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import org.openkiosk.device.a4.JobState;
import org.openkiosk.device.a4.PrinterState;
import org.openkiosk.device.a4.ipp.IppCollection;
import org.openkiosk.device.a4.ipp.IppRange;
import org.openkiosk.device.a4.ipp.IppAttribute;
import org.openkiosk.device.a4.ipp.IppCodec;
import org.openkiosk.device.a4.ipp.IppFormatException;
import org.openkiosk.device.a4.ipp.IppMessage;
import org.openkiosk.device.a4.ipp.IppOperation;
import org.openkiosk.device.a4.ipp.IppStatus;
import org.openkiosk.device.a4.ipp.IppTag;
import org.openkiosk.device.transport.TransportUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A4 printer's wire-level simulator: a small IPP printer over HTTP (or HTTPS) on 127.0.0.1 that answers
 * Print-Job, Validate-Job, Get-Job-Attributes, Get-Jobs, Get-Printer-Attributes and Cancel-Job, so the real
 * {@code ipp} driver runs unchanged in demo mode and in tests. It behaves as a conforming IPP/1.1 printer as far
 * as CUPS's own conformance files check ({@code IppSimulatorConformanceTest} runs them with {@code ipptool}):
 * requests are checked as RFC 8011 §4.1 asks ({@link IppRequestRules}), requested-attributes are honoured and the
 * required printer and job attributes are there.
 *
 * <p>Jobs go pending → processing → completed over a configurable time that only runs while the printer can
 * print. With the paper out ({@code media-empty-error}; the job waits with {@code resources-are-not-ready}) or
 * the printer stopped ({@code paused}; the job shows {@code printer-stopped}) a job stops
 * ({@code processing-stopped}) until the condition clears or the job is cancelled — it never completes on an
 * empty tray. Received documents are kept in memory (the last
 * {@value #KEPT_JOBS}) and, if asked, written to a directory.
 */
public final class IppPrinterSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IppPrinterSimulator.class);

    public static final int KEPT_JOBS = 50;
    public static final String PATH = "/ipp/print";

    private static final String A4 = "iso_a4_210x297mm";
    private static final List<String> DOCUMENT_FORMATS = List.of("application/pdf", "application/octet-stream");
    private static final List<IppOperation> SUPPORTED_OPERATIONS = List.of(IppOperation.PRINT_JOB,
            IppOperation.VALIDATE_JOB, IppOperation.CANCEL_JOB, IppOperation.GET_JOB_ATTRIBUTES, IppOperation.GET_JOBS,
            IppOperation.GET_PRINTER_ATTRIBUTES);
    /** What a Print-Job answer carries (RFC 8011 §4.2.1.2). */
    private static final Set<String> JOB_CREATION_ANSWER = Set.of("job-id", "job-uri", "job-state", "job-state-reasons",
            "job-state-message");

    private static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    /** A document the printer received, with how its job ended so far. */
    public record ReceivedJob(int jobId, String jobName, byte[] document, JobState state) {}

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Duration pendingFor;
    private final Duration processingFor;
    private final Map<Integer, SimulatedJob> jobs = new LinkedHashMap<>();
    private final AtomicInteger nextJobId = new AtomicInteger(1);
    private final LongSupplier nanoTime;
    private final long startedAt;
    private long lastTick;
    private boolean paperOut;
    private boolean stopped;
    private volatile Path outputDirectory;

    private IppPrinterSimulator(int port, Duration pendingFor, Duration processingFor, LongSupplier nanoTime,
                                SSLContext tls) throws IOException {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lastTick = nanoTime.getAsLong();
        this.startedAt = lastTick;
        this.pendingFor = Objects.requireNonNull(pendingFor, "pendingFor");
        this.processingFor = Objects.requireNonNull(processingFor, "processingFor");
        AtomicInteger threads = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ipp-printer-sim-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            this.server = HttpServer.create(address, 8);
        } else {
            HttpsServer https = HttpsServer.create(address, 8);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        server.setExecutor(handlers);
        server.createContext(PATH, this::handle);
    }

    /** A printer whose jobs wait {@code pendingFor}, then print for {@code processingFor}. */
    public static IppPrinterSimulator start(Duration pendingFor, Duration processingFor) throws IOException {
        return start(pendingFor, processingFor, System::nanoTime);
    }

    /** With its own time source, so a test can step a job through its states without racing the wall clock. */
    public static IppPrinterSimulator start(Duration pendingFor, Duration processingFor, LongSupplier nanoTime)
            throws IOException {
        return start(0, pendingFor, processingFor, nanoTime);
    }

    /** On a given port of 127.0.0.1 (0 = any free port), e.g. for {@code kiosk simulate a4 --port 8631}. */
    public static IppPrinterSimulator start(int port, Duration pendingFor, Duration processingFor, LongSupplier nanoTime)
            throws IOException {
        return start(port, pendingFor, processingFor, nanoTime, null);
    }

    /**
     * Over TLS ({@code ipps://127.0.0.1:PORT/ipp/print}, RFC 7472), presenting the key and certificate of
     * {@code tls}; a kiosk reaches it with {@code trustCertificate} pointing at that certificate.
     */
    public static IppPrinterSimulator start(int port, Duration pendingFor, Duration processingFor, LongSupplier nanoTime,
                                            SSLContext tls) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0–65535, got " + port);
        }
        IppPrinterSimulator simulator = new IppPrinterSimulator(port, pendingFor, processingFor, nanoTime, tls);
        simulator.server.start();
        log.info("IPP printer simulator on {}", simulator.printerUri());
        return simulator;
    }

    /** Demo timing: a quarter second queued, one second printing. */
    public static IppPrinterSimulator start() throws IOException {
        return start(Duration.ofMillis(250), Duration.ofSeconds(1));
    }

    /** {@code ipp://127.0.0.1:PORT/ipp/print}, or {@code ipps://…} over TLS. */
    public URI printerUri() {
        String scheme = server instanceof HttpsServer ? "ipps" : "ipp";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The transport URI the real driver is configured with to reach this printer. */
    public TransportUri transportUri() {
        return TransportUri.parse("cups:" + printerUri());
    }

    /** Out of paper: {@code media-empty-error}; jobs stop until paper is loaded. */
    public synchronized void setPaperOut(boolean out) {
        tick();
        paperOut = out;
    }

    /** Stopped (paused) by a technician: jobs stay queued or stop. */
    public synchronized void setStopped(boolean value) {
        tick();
        stopped = value;
    }

    public synchronized boolean paperOut() {
        return paperOut;
    }

    /** Also writes every received document to this directory as {@code job-N.pdf}. */
    public void setOutputDirectory(Path directory) {
        this.outputDirectory = directory;
    }

    /** Every kept job with its current state, oldest first. */
    public synchronized List<ReceivedJob> jobs() {
        tick();
        List<ReceivedJob> all = new ArrayList<>();
        for (SimulatedJob job : jobs.values()) {
            all.add(new ReceivedJob(job.id(), job.name(), job.document().clone(), job.state(running())));
        }
        return all;
    }

    /** The documents of jobs that completed (came out of the printer). */
    public List<ReceivedJob> printed() {
        return jobs().stream().filter(j -> j.state() == JobState.COMPLETED).toList();
    }

    /** Waits until a job has completed. */
    public Optional<ReceivedJob> awaitPrinted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ReceivedJob> done = printed();
            if (!done.isEmpty()) {
                return Optional.of(done.get(done.size() - 1));
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            if (!handlers.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("IPP printer simulator: handler threads did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean running() {
        return !paperOut && !stopped;
    }

    /** Lets time pass for the jobs; printing time passes only while the printer runs. */
    private void tick() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastTick;
        lastTick = now;
        if (!running()) {
            return;
        }
        for (SimulatedJob job : jobs.values()) {
            if (job.advance(elapsed, now)) {
                log.info("IPP printer simulator: job {} completed", job.id());
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // one request per connection: nothing stays open in a client's keep-alive cache after close()
            exchange.getResponseHeaders().set("Connection", "close");
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (body.length > MAX_REQUEST_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            IppMessage response;
            try {
                response = answer(IppCodec.decodeRequest(body));
            } catch (IppFormatException e) {
                log.warn("IPP printer simulator: bad request: {}", e.getMessage());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] bytes = IppCodec.encode(response);
            exchange.getResponseHeaders().set("Content-Type", "application/ipp");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            log.warn("IPP printer simulator: request failed", e);
        }
    }

    private IppMessage answer(IppCodec.Request request) {
        IppMessage message = request.message();
        int requestId = message.requestId();
        Optional<IppRequestRules.Refusal> refusal = IppRequestRules.check(message);
        if (refusal.isPresent()) {
            int version = refusal.get().status() == IppStatus.SERVER_ERROR_VERSION_NOT_SUPPORTED ? 0x0101 : message.version();
            return status(refusal.get().status(), requestId, refusal.get().message()).version(version).build();
        }
        synchronized (this) {
            tick();
            Optional<IppOperation> operation = IppOperation.of(message.code());
            IppMessage.Builder response = operation.isEmpty()
                    ? status(IppStatus.SERVER_ERROR_OPERATION_NOT_SUPPORTED, requestId,
                            "operation 0x" + Integer.toHexString(message.code()) + " is not supported")
                    : switch (operation.get()) {
                        case PRINT_JOB -> printJob(message, request.document());
                        case VALIDATE_JOB -> validateJob(message);
                        case GET_JOB_ATTRIBUTES -> withJob(message, job -> jobAttributes(message, job));
                        case GET_JOBS -> getJobs(message);
                        case CANCEL_JOB -> withJob(message, job -> cancel(requestId, job));
                        case GET_PRINTER_ATTRIBUTES -> printerAttributes(message);
                        default -> status(IppStatus.SERVER_ERROR_OPERATION_NOT_SUPPORTED, requestId,
                                operation.get().keyword() + " is not supported");
                    };
            return response.version(message.version()).build();
        }
    }

    /** Why a Print-Job or Validate-Job cannot be accepted, if it cannot. */
    private Optional<IppMessage.Builder> refuseJob(IppMessage request) {
        if (request.find(IppTag.OPERATION_ATTRIBUTES, "job-uri").isPresent()) {
            return Optional.of(status(IppStatus.CLIENT_ERROR_BAD_REQUEST, request.requestId(),
                    "a job is created at the printer-uri, not at a job-uri"));
        }
        String format = operationString(request, "document-format").orElse("application/octet-stream");
        if (!DOCUMENT_FORMATS.contains(format)) {
            return Optional.of(status(IppStatus.CLIENT_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED, request.requestId(),
                    "document-format " + format + " is not supported (application/pdf)"));
        }
        String compression = operationString(request, "compression").orElse("none");
        if (!compression.equals("none")) {
            return Optional.of(status(IppStatus.CLIENT_ERROR_COMPRESSION_NOT_SUPPORTED, request.requestId(),
                    "compression " + compression + " is not supported (none)"));
        }
        return Optional.empty();
    }

    private IppMessage.Builder validateJob(IppMessage request) {
        return refuseJob(request).orElseGet(() -> status(IppStatus.SUCCESSFUL_OK, request.requestId(), "the job would be accepted"));
    }

    private IppMessage.Builder printJob(IppMessage request, byte[] document) {
        Optional<IppMessage.Builder> refused = refuseJob(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (document.length == 0) {
            return status(IppStatus.CLIENT_ERROR_BAD_REQUEST, request.requestId(), "Print-Job without document data");
        }
        int id = nextJobId.getAndIncrement();
        String name = operationString(request, "job-name").orElse("job " + id);
        String user = operationString(request, "requesting-user-name").orElse("anonymous");
        SimulatedJob job = new SimulatedJob(id, name, user, document, pendingFor, processingFor, nanoTime.getAsLong());
        jobs.put(id, job);
        while (jobs.size() > KEPT_JOBS) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        keep(job);
        log.info("IPP printer simulator: job {} received ({} bytes)", id, document.length);
        List<IppAttribute> created = jobAttributes(job).stream()
                .filter(a -> JOB_CREATION_ANSWER.contains(a.name())).toList();
        return status(IppStatus.SUCCESSFUL_OK, request.requestId(), IppStatus.SUCCESSFUL_OK.keyword())
                .group(IppTag.JOB_ATTRIBUTES, created);
    }

    private void keep(SimulatedJob job) {
        Path dir = outputDirectory;
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("job-" + job.id() + ".pdf"), job.document());
        } catch (IOException e) {
            log.warn("IPP printer simulator: cannot write job {} to {}: {}", job.id(), dir, e.toString());
        }
    }

    /** The job a Get-Job-Attributes or Cancel-Job names: job-uri, or printer-uri and job-id. */
    private IppMessage.Builder withJob(IppMessage request, Function<SimulatedJob, IppMessage.Builder> action) {
        Optional<String> jobUri = operationString(request, "job-uri");
        int id;
        if (jobUri.isPresent()) {
            String uri = jobUri.get();
            String number = uri.substring(uri.lastIndexOf('/') + 1);
            id = number.matches("[0-9]{1,9}") ? Integer.parseInt(number) : 0;
        } else {
            Optional<IppAttribute> jobId = request.find(IppTag.OPERATION_ATTRIBUTES, "job-id");
            if (jobId.isEmpty() || jobId.get().tag() != IppTag.INTEGER) {
                return status(IppStatus.CLIENT_ERROR_BAD_REQUEST, request.requestId(), "job-id (integer) or job-uri is missing");
            }
            id = jobId.get().intValue(0);
        }
        SimulatedJob job = jobs.get(id);
        if (job == null) {
            return status(IppStatus.CLIENT_ERROR_NOT_FOUND, request.requestId(), "no job " + id);
        }
        return action.apply(job);
    }

    private IppMessage.Builder cancel(int requestId, SimulatedJob job) {
        if (!job.cancel(nanoTime.getAsLong())) {
            return status(IppStatus.CLIENT_ERROR_NOT_POSSIBLE, requestId, "job " + job.id() + " has already ended");
        }
        log.info("IPP printer simulator: job {} cancelled", job.id());
        return status(IppStatus.SUCCESSFUL_OK, requestId, IppStatus.SUCCESSFUL_OK.keyword());
    }

    private IppMessage.Builder jobAttributes(IppMessage request, SimulatedJob job) {
        RequestedAttributes asked = RequestedAttributes.of(request, List.of("all"));
        return status(IppStatus.SUCCESSFUL_OK, request.requestId(), IppStatus.SUCCESSFUL_OK.keyword())
                .group(IppTag.JOB_ATTRIBUTES, asked.filter(jobAttributes(job), "job-description"));
    }

    /** Get-Jobs (RFC 8011 §4.2.6): which-jobs, my-jobs, limit; by default job-id and job-uri only. */
    private IppMessage.Builder getJobs(IppMessage request) {
        if (request.find(IppTag.OPERATION_ATTRIBUTES, "job-uri").isPresent()) {
            return status(IppStatus.CLIENT_ERROR_BAD_REQUEST, request.requestId(), "Get-Jobs is sent to the printer-uri");
        }
        String which = operationString(request, "which-jobs").orElse("not-completed");
        if (!which.equals("not-completed") && !which.equals("completed")) {
            return status(IppStatus.CLIENT_ERROR_ATTRIBUTES_OR_VALUES_NOT_SUPPORTED, request.requestId(),
                    "which-jobs " + which + " is not supported (completed, not-completed)");
        }
        boolean myJobs = request.find(IppTag.OPERATION_ATTRIBUTES, "my-jobs")
                .map(a -> Boolean.TRUE.equals(a.values().get(0))).orElse(false);
        String user = operationString(request, "requesting-user-name").orElse("anonymous");
        int limit = request.find(IppTag.OPERATION_ATTRIBUTES, "limit").map(a -> a.intValue(Integer.MAX_VALUE)).orElse(Integer.MAX_VALUE);
        if (limit < 1) {
            return status(IppStatus.CLIENT_ERROR_ATTRIBUTES_OR_VALUES_NOT_SUPPORTED, request.requestId(), "limit must be 1 or more");
        }
        List<SimulatedJob> selected = new ArrayList<>();
        for (SimulatedJob job : jobs.values()) {
            if (job.isTerminal() == which.equals("completed") && (!myJobs || job.user().equals(user))) {
                selected.add(job);
            }
        }
        if (which.equals("completed")) {
            Collections.reverse(selected); // most recently ended first, as CUPS lists them
        }
        RequestedAttributes asked = RequestedAttributes.of(request, List.of("job-id", "job-uri"));
        IppMessage.Builder response = status(IppStatus.SUCCESSFUL_OK, request.requestId(), IppStatus.SUCCESSFUL_OK.keyword());
        for (SimulatedJob job : selected.subList(0, Math.min(limit, selected.size()))) {
            response.group(IppTag.JOB_ATTRIBUTES, asked.filter(jobAttributes(job), "job-description"));
        }
        return response;
    }

    /** Every attribute of a job the simulator knows (RFC 8011 §5.3 Job Description and the job's media). */
    private List<IppAttribute> jobAttributes(SimulatedJob job) {
        boolean running = running();
        JobState state = job.state(running);
        List<IppAttribute> all = new ArrayList<>();
        all.add(IppAttribute.of("job-id", IppTag.INTEGER, job.id()));
        all.add(IppAttribute.of("job-uri", IppTag.URI, printerUri() + "/" + job.id()));
        all.add(IppAttribute.of("job-printer-uri", IppTag.URI, printerUri().toString()));
        all.add(IppAttribute.of("job-name", IppTag.NAME, job.name()));
        all.add(IppAttribute.of("job-originating-user-name", IppTag.NAME, job.user()));
        all.add(IppAttribute.of("job-state", IppTag.ENUM, state.code()));
        all.add(IppAttribute.of("job-state-reasons", IppTag.KEYWORD, job.reasons(running, stopped).toArray()));
        all.add(IppAttribute.of("job-state-message", IppTag.TEXT, "Job " + state.keyword() + "."));
        all.add(IppAttribute.of("job-k-octets", IppTag.INTEGER, (job.document().length + 1023) / 1024));
        all.add(IppAttribute.of("number-of-documents", IppTag.INTEGER, 1));
        all.add(IppAttribute.of("time-at-creation", IppTag.INTEGER, upTimeAt(job.createdAt())));
        all.add(upTime("time-at-processing", job.processingAt()));
        all.add(upTime("time-at-completed", job.endedAt()));
        all.add(IppAttribute.of("job-printer-up-time", IppTag.INTEGER, upTimeAt(nanoTime.getAsLong())));
        all.add(IppAttribute.of("media", IppTag.KEYWORD, A4));
        return all;
    }

    private IppAttribute upTime(String name, long at) {
        return at < 0 ? IppAttribute.of(name, IppTag.NO_VALUE, new byte[0]) : IppAttribute.of(name, IppTag.INTEGER, upTimeAt(at));
    }

    /** printer-up-time (RFC 8011 §5.4.29): seconds since the printer started, 1 or more. */
    private int upTimeAt(long nanos) {
        return (int) Math.max(1, 1 + (nanos - startedAt) / 1_000_000_000L);
    }

    private IppMessage.Builder printerAttributes(IppMessage request) {
        if (request.find(IppTag.OPERATION_ATTRIBUTES, "job-uri").isPresent()) {
            return status(IppStatus.CLIENT_ERROR_BAD_REQUEST, request.requestId(), "Get-Printer-Attributes is sent to the printer-uri");
        }
        RequestedAttributes asked = RequestedAttributes.of(request, List.of("all"));
        return status(IppStatus.SUCCESSFUL_OK, request.requestId(), IppStatus.SUCCESSFUL_OK.keyword())
                .group(IppTag.PRINTER_ATTRIBUTES, asked.filter(printerAttributes(), "printer-description"));
    }

    /** Printer Description attributes RFC 8011 §5.4 requires, PWG 5100.7's media-col-default and a few job templates. */
    private List<IppAttribute> printerAttributes() {
        boolean busy = jobs.values().stream().anyMatch(j -> !j.isTerminal());
        PrinterState state = stopped || paperOut ? PrinterState.STOPPED : busy ? PrinterState.PROCESSING : PrinterState.IDLE;
        List<String> reasons = new ArrayList<>();
        if (paperOut) {
            reasons.add("media-empty-error");
        }
        if (stopped) {
            reasons.add("paused");
        }
        if (reasons.isEmpty()) {
            reasons.add("none");
        }
        String message = paperOut ? "out of paper" : stopped ? "stopped by the operator" : busy ? "printing" : "ready";
        boolean secure = server instanceof HttpsServer;
        IppCollection a4Size = IppCollection.of(
                IppAttribute.of("x-dimension", IppTag.INTEGER, 21000),
                IppAttribute.of("y-dimension", IppTag.INTEGER, 29700));
        int queued = (int) jobs.values().stream().filter(j -> !j.isTerminal()).count();
        return List.of(
                IppAttribute.of("charset-configured", IppTag.CHARSET, "utf-8"),
                IppAttribute.of("charset-supported", IppTag.CHARSET, "utf-8", "us-ascii"),
                IppAttribute.of("compression-supported", IppTag.KEYWORD, "none"),
                IppAttribute.of("copies-default", IppTag.INTEGER, 1),
                IppAttribute.of("copies-supported", IppTag.RANGE_OF_INTEGER, new IppRange(1, 1)),
                IppAttribute.of("document-format-default", IppTag.MIME_MEDIA_TYPE, "application/pdf"),
                IppAttribute.of("document-format-supported", IppTag.MIME_MEDIA_TYPE, DOCUMENT_FORMATS.toArray()),
                IppAttribute.of("generated-natural-language-supported", IppTag.NATURAL_LANGUAGE, "en"),
                IppAttribute.of("ipp-versions-supported", IppTag.KEYWORD, "1.0", "1.1", "2.0"),
                IppAttribute.of("media-col-default", IppTag.BEGIN_COLLECTION,
                        IppCollection.of(IppAttribute.of("media-size", IppTag.BEGIN_COLLECTION, a4Size))),
                IppAttribute.of("media-default", IppTag.KEYWORD, A4),
                IppAttribute.of("media-ready", IppTag.KEYWORD, A4),
                IppAttribute.of("media-supported", IppTag.KEYWORD, A4),
                IppAttribute.of("natural-language-configured", IppTag.NATURAL_LANGUAGE, "en"),
                IppAttribute.of("operations-supported", IppTag.ENUM, SUPPORTED_OPERATIONS.stream().map(IppOperation::code).toArray()),
                IppAttribute.of("pdl-override-supported", IppTag.KEYWORD, "attempted"),
                IppAttribute.of("printer-info", IppTag.TEXT, "OpenKiosk A4 printer simulator"),
                IppAttribute.of("printer-is-accepting-jobs", IppTag.BOOLEAN, true),
                IppAttribute.of("printer-location", IppTag.TEXT, "inside the kiosk (simulated)"),
                IppAttribute.of("printer-make-and-model", IppTag.TEXT, "OpenKiosk IPP simulator"),
                IppAttribute.of("printer-more-info", IppTag.URI, (secure ? "https" : "http") + "://127.0.0.1:"
                        + server.getAddress().getPort() + PATH),
                IppAttribute.of("printer-name", IppTag.NAME, "kiosk-a4-simulator"),
                IppAttribute.of("printer-state", IppTag.ENUM, state.code()),
                IppAttribute.of("printer-state-message", IppTag.TEXT, message),
                IppAttribute.of("printer-state-reasons", IppTag.KEYWORD, reasons.toArray()),
                IppAttribute.of("printer-up-time", IppTag.INTEGER, upTimeAt(nanoTime.getAsLong())),
                IppAttribute.of("printer-uri-supported", IppTag.URI, printerUri().toString()),
                IppAttribute.of("queued-job-count", IppTag.INTEGER, queued),
                IppAttribute.of("uri-authentication-supported", IppTag.KEYWORD, "none"),
                IppAttribute.of("uri-security-supported", IppTag.KEYWORD, secure ? "tls" : "none"),
                IppAttribute.of("which-jobs-supported", IppTag.KEYWORD, "completed", "not-completed"));
    }

    private static Optional<String> operationString(IppMessage request, String name) {
        return request.find(IppTag.OPERATION_ATTRIBUTES, name).map(IppAttribute::strings)
                .filter(s -> !s.isEmpty()).map(s -> s.get(0));
    }

    /** A response: status code, then charset, language and status-message as RFC 8011 requires. */
    private static IppMessage.Builder status(IppStatus code, int requestId, String message) {
        return new IppMessage.Builder(code, requestId)
                .operation("status-message", IppTag.TEXT, message);
    }
}
