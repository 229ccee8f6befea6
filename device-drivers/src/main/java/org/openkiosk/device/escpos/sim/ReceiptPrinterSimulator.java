package org.openkiosk.device.escpos.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.openkiosk.device.escpos.EscPosProtocolException;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wire-level ESC/POS receipt printer: serves one link at a time over a {@link Transport} (e.g. the master side
 * of a pseudo-terminal) or a TCP port, answers DLE EOT and GS r from a configurable paper condition, captures
 * every job and writes it as {@code receipt-NNN.bin/.txt/.png} when an output directory is set.
 *
 * <p>Like a real printer it keeps answering real-time queries while stopped, but holds back the GS r reply —
 * the "job processed" signal — of a job it could not finish.
 */
public final class ReceiptPrinterSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinterSimulator.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Captured jobs kept in memory (older ones stay only in the output directory). */
    public static final int KEPT_RECEIPTS = 100;

    private final PaperWidth paper;
    private volatile SimulatedPaper condition;
    private volatile Path outputDirectory;
    private final AtomicInteger linesUntilPaperEnd = new AtomicInteger(-1);
    private final List<CapturedReceipt> receipts = new CopyOnWriteArrayList<>();
    private final BlockingQueue<CapturedReceipt> arrivals = new LinkedBlockingQueue<>();
    private final AtomicLong printableBytes = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicInteger receiptNumbers = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile boolean answersGsR = true;
    private ServerSocket server;
    private volatile Transport servedTransport;

    public ReceiptPrinterSimulator(PaperWidth paper, SimulatedPaper condition) {
        this.paper = Objects.requireNonNull(paper);
        this.condition = Objects.requireNonNull(condition);
    }

    public PaperWidth paper() {
        return paper;
    }

    public void setCondition(SimulatedPaper next) {
        condition = Objects.requireNonNull(next);
    }

    public SimulatedPaper condition() {
        return condition;
    }

    /**
     * {@code false} plays a cheap model that answers the real-time status (DLE EOT) but ignores GS r, so it can
     * never confirm that a job was processed (ADR 0131).
     */
    public void setAnswersJobConfirmation(boolean answers) {
        answersGsR = answers;
    }

    public boolean answersJobConfirmation() {
        return answersGsR;
    }

    /** The paper runs out after this many printed lines (line feeds, 24-dot raster rows). */
    public void runOutOfPaperAfterLines(int lines) {
        linesUntilPaperEnd.set(lines);
    }

    /** Where captured receipts are written (.bin raw bytes, .txt text, .png picture); null for none. */
    public void setOutputDirectory(Path directory) {
        outputDirectory = directory;
    }

    /** The last {@value #KEPT_RECEIPTS} captured jobs, oldest first. */
    public List<CapturedReceipt> receipts() {
        return List.copyOf(receipts);
    }

    /** Waits for the next captured job. */
    public Optional<CapturedReceipt> awaitReceipt(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Bytes received other than real-time status queries (0 means nothing of a job reached the printer). */
    public long printableBytesReceived() {
        return printableBytes.get();
    }

    public long protocolErrors() {
        return protocolErrors.get();
    }

    /** Listens on 127.0.0.1 (port 0 picks a free one) and serves one connection at a time; returns the port. */
    public synchronized int serveTcp(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ServerSocket listening = server;
        start("escpos-sim-tcp:" + listening.getLocalPort(), () -> acceptLoop(listening));
        return listening.getLocalPort();
    }

    /** Serves an already open transport (e.g. a pty master) until {@link #close()}. */
    public void serve(Transport transport) {
        servedTransport = transport;
        start("escpos-sim " + transport.describe(), () -> {
            Session session = new Session(transport::write);
            byte[] chunk = new byte[4096];
            try {
                while (running) {
                    int n = transport.read(chunk, 0, chunk.length, POLL);
                    if (n > 0) {
                        session.received(chunk, n);
                    }
                }
            } catch (DisconnectedException e) {
                log.debug("simulator link closed: {}", e.getMessage());
            } catch (IOException e) {
                if (running) {
                    log.warn("simulator link failed", e);
                }
            } finally {
                session.end();
            }
        });
    }

    private void acceptLoop(ServerSocket listening) {
        while (running) {
            try (Socket socket = listening.accept()) {
                socket.setSoTimeout((int) POLL.toMillis());
                // one-byte status replies: without this, Nagle + the client's delayed ACK add ~40 ms per query
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                Session session = new Session(bytes -> {
                    out.write(bytes);
                    out.flush();
                });
                byte[] chunk = new byte[4096];
                try {
                    while (running) {
                        int n;
                        try {
                            n = in.read(chunk);
                        } catch (SocketTimeoutException e) {
                            continue;
                        }
                        if (n < 0) {
                            break;
                        }
                        session.received(chunk, n);
                    }
                } finally {
                    session.end();
                }
            } catch (IOException e) {
                if (running) {
                    log.debug("simulator connection ended: {}", e.getMessage());
                }
            }
        }
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Transport t = servedTransport;
        if (t != null) {
            t.close();
        }
    }

    private interface Replier {
        void reply(byte[] bytes) throws IOException;
    }

    /** One link's byte stream: decodes, answers, captures. */
    private final class Session {
        private final Replier replier;
        private final EscPosDecoder decoder = new EscPosDecoder();
        private ByteArrayOutputStream raw = new ByteArrayOutputStream();
        private List<EscPosToken> printed = new ArrayList<>();
        private boolean hasContent;
        private boolean complete = true;
        /** Bytes of a job arrived since the last GS r: a GS r now ends that job, otherwise it is a bare question. */
        private boolean jobOpen;

        Session(Replier replier) {
            this.replier = replier;
        }

        void received(byte[] chunk, int n) throws IOException {
            decoder.feed(chunk, 0, n);
            while (true) {
                Optional<EscPosToken> next;
                try {
                    next = decoder.next();
                } catch (EscPosProtocolException e) {
                    // a few warnings show a technician what is wrong; a stream of garbage must not flood the log
                    if (protocolErrors.incrementAndGet() <= 5) {
                        log.warn("simulator: {}", e.getMessage());
                    } else {
                        log.debug("simulator: {}", e.getMessage());
                    }
                    continue;
                }
                if (next.isEmpty()) {
                    return;
                }
                handle(next.get(), decoder.lastRaw());
            }
        }

        private void handle(EscPosToken token, byte[] bytes) throws IOException {
            if (token instanceof EscPosToken.RealTimeStatus q) {
                replier.reply(new byte[] {(byte) condition.realTimeReply(q.n())});
                return;
            }
            if (token instanceof EscPosToken.StatusRequest && !jobOpen) {
                // GS r asked on its own, outside a job: a question, not part of anything printed
                if (answersGsR && condition.prints()) {
                    replier.reply(new byte[] {(byte) condition.paperSensorReply()});
                }
                return;
            }
            printableBytes.addAndGet(bytes.length);
            jobOpen = !(token instanceof EscPosToken.StatusRequest); // GS r ends a job
            if (token instanceof EscPosToken.Initialise) {
                finishJob();
            }
            raw.writeBytes(bytes);
            if (token instanceof EscPosToken.StatusRequest) {
                if (complete && condition.prints() && answersGsR) {
                    replier.reply(new byte[] {(byte) condition.paperSensorReply()});
                }
                finishJob();
                return;
            }
            boolean printing = token instanceof EscPosToken.Text || token instanceof EscPosToken.LineFeed
                    || token instanceof EscPosToken.Feed || token instanceof EscPosToken.Raster
                    || token instanceof EscPosToken.QrPrint || token instanceof EscPosToken.Cut;
            if (!printing) {
                printed.add(token);
                return;
            }
            hasContent = true;
            if (!condition.prints()) {
                complete = false;
                return;
            }
            printed.add(token);
            consumePaper(token);
            if (token instanceof EscPosToken.Cut) {
                finishJob();
            }
        }

        private void consumePaper(EscPosToken token) {
            int lines = 0;
            if (token instanceof EscPosToken.LineFeed) {
                lines = 1;
            } else if (token instanceof EscPosToken.Feed f) {
                lines = f.lines();
            } else if (token instanceof EscPosToken.Raster r) {
                lines = Math.max(1, r.bitmap().height() / 24);
            } else if (token instanceof EscPosToken.QrPrint) {
                lines = 6;
            }
            if (lines == 0 || linesUntilPaperEnd.get() < 0) {
                return;
            }
            if (linesUntilPaperEnd.addAndGet(-lines) <= 0) {
                linesUntilPaperEnd.set(-1);
                condition = SimulatedPaper.EMPTY;
                log.info("simulator: paper ran out");
            }
        }

        void end() {
            finishJob();
        }

        private void finishJob() {
            if (hasContent) {
                CapturedReceipt receipt = new CapturedReceipt(receiptNumbers.incrementAndGet(), raw.toByteArray(), printed, complete);
                receipts.add(receipt);
                while (receipts.size() > KEPT_RECEIPTS) {
                    receipts.remove(0);
                }
                save(receipt);
                while (arrivals.size() >= KEPT_RECEIPTS) {
                    arrivals.poll();
                }
                arrivals.add(receipt);
            }
            raw = new ByteArrayOutputStream();
            printed = new ArrayList<>();
            hasContent = false;
            complete = true;
        }
    }

    private void save(CapturedReceipt receipt) {
        Path dir = outputDirectory;
        if (dir == null) {
            return;
        }
        String base = String.format("receipt-%03d", receipt.number());
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(base + ".bin"), receipt.bytes());
            Files.writeString(dir.resolve(base + ".txt"), receipt.text() + (receipt.complete() ? "" : "[incomplete: paper ran out]\n"),
                    StandardCharsets.UTF_8);
            ImageIO.write(receipt.image(paper), "png", dir.resolve(base + ".png").toFile());
            log.info("simulator: saved {}", dir.resolve(base + ".png"));
        } catch (IOException e) {
            // the capture stays in memory; a full disk must not stop the simulated printer
            log.warn("simulator: cannot write captured receipt to {}: {}", dir, e.getMessage());
        }
    }
}
