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
 * The A4 printer's wire-level simulator: a small IPP/1.1 printer over HTTP on 127.0.0.1 that answers
 * Print-Job, Get-Job-Attributes, Get-Printer-Attributes and Cancel-Job, so the real {@code ipp} driver runs
 * unchanged in demo mode and in tests.
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
    private long lastTick;
    private boolean paperOut;
    private boolean stopped;
    private volatile Path outputDirectory;

    private IppPrinterSimulator(int port, Duration pendingFor, Duration processingFor, LongSupplier nanoTime,
                                SSLContext tls) throws IOException {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.lastTick = nanoTime.getAsLong();
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
            if (job.advance(elapsed)) {
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
        if (message.version() >> 8 != 1 && message.version() >> 8 != 2) {
            return status(IppStatus.SERVER_ERROR_VERSION_NOT_SUPPORTED, requestId, "IPP version not supported").build();
        }
        synchronized (this) {
            tick();
            IppOperation operation = IppOperation.of(message.code()).orElse(null);
            return switch (operation == null ? IppOperation.PURGE_JOBS : operation) {
                case PRINT_JOB -> printJob(message, request.document());
                case GET_JOB_ATTRIBUTES -> withJob(message, job -> jobAttributes(requestId, job));
                case CANCEL_JOB -> withJob(message, job -> cancel(requestId, job));
                case GET_PRINTER_ATTRIBUTES -> printerAttributes(requestId);
                default -> status(IppStatus.SERVER_ERROR_OPERATION_NOT_SUPPORTED, requestId,
                        "operation 0x" + Integer.toHexString(message.code()) + " is not supported").build();
            };
        }
    }

    private IppMessage printJob(IppMessage request, byte[] document) {
        String format = operationString(request, "document-format").orElse("application/octet-stream");
        if (!format.equals("application/pdf") && !format.equals("application/octet-stream")) {
            return status(IppStatus.CLIENT_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED, request.requestId(),
                    "document-format " + format + " is not supported (application/pdf)").build();
        }
        if (document.length == 0) {
            return status(IppStatus.CLIENT_ERROR_BAD_REQUEST, request.requestId(), "Print-Job without document data").build();
        }
        int id = nextJobId.getAndIncrement();
        String name = operationString(request, "job-name").orElse("job " + id);
        SimulatedJob job = new SimulatedJob(id, name, document, pendingFor, processingFor);
        jobs.put(id, job);
        while (jobs.size() > KEPT_JOBS) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        keep(job);
        log.info("IPP printer simulator: job {} received ({} bytes)", id, document.length);
        return jobAttributes(request.requestId(), job);
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

    private IppMessage withJob(IppMessage request, java.util.function.Function<SimulatedJob, IppMessage> action) {
        int id = request.find(IppTag.OPERATION_ATTRIBUTES, "job-id").map(a -> a.intValue(0)).orElse(0);
        SimulatedJob job = jobs.get(id);
        if (job == null) {
            return status(IppStatus.CLIENT_ERROR_NOT_FOUND, request.requestId(), "no job " + id).build();
        }
        return action.apply(job);
    }

    private IppMessage cancel(int requestId, SimulatedJob job) {
        if (!job.cancel()) {
            return status(IppStatus.CLIENT_ERROR_NOT_POSSIBLE, requestId, "job " + job.id() + " has already ended").build();
        }
        log.info("IPP printer simulator: job {} cancelled", job.id());
        return status(IppStatus.SUCCESSFUL_OK, requestId, IppStatus.SUCCESSFUL_OK.keyword()).build();
    }

    private IppMessage jobAttributes(int requestId, SimulatedJob job) {
        boolean running = running();
        return status(IppStatus.SUCCESSFUL_OK, requestId, IppStatus.SUCCESSFUL_OK.keyword())
                .group(IppTag.JOB_ATTRIBUTES, List.of(
                        IppAttribute.of("job-id", IppTag.INTEGER, job.id()),
                        IppAttribute.of("job-uri", IppTag.URI, printerUri() + "/" + job.id()),
                        IppAttribute.of("job-state", IppTag.ENUM, job.state(running).code()),
                        IppAttribute.of("job-state-reasons", IppTag.KEYWORD, job.reasons(running, stopped).toArray())))
                .build();
    }

    private IppMessage printerAttributes(int requestId) {
        boolean busy = jobs.values().stream().anyMatch(j -> !j.isTerminal());
        int state = stopped || paperOut ? 5 : busy ? 4 : 3;
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
        return status(IppStatus.SUCCESSFUL_OK, requestId, IppStatus.SUCCESSFUL_OK.keyword())
                .group(IppTag.PRINTER_ATTRIBUTES, List.of(
                        IppAttribute.of("printer-uri-supported", IppTag.URI, printerUri().toString()),
                        IppAttribute.of("printer-name", IppTag.NAME, "kiosk-a4-simulator"),
                        IppAttribute.of("printer-state", IppTag.ENUM, state),
                        IppAttribute.of("printer-state-reasons", IppTag.KEYWORD, reasons.toArray()),
                        IppAttribute.of("printer-state-message", IppTag.TEXT, message),
                        IppAttribute.of("printer-is-accepting-jobs", IppTag.BOOLEAN, true),
                        IppAttribute.of("document-format-supported", IppTag.MIME_MEDIA_TYPE, "application/pdf",
                                "application/octet-stream"),
                        IppAttribute.of("operations-supported", IppTag.ENUM, IppOperation.PRINT_JOB.code(),
                                IppOperation.CANCEL_JOB.code(), IppOperation.GET_JOB_ATTRIBUTES.code(),
                                IppOperation.GET_PRINTER_ATTRIBUTES.code())))
                .build();
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
