package org.openkiosk.device.scanner;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial/TCP barcode scanner: sends the given codes, each followed by the terminator, one every
 * {@code interval} — over a transport (e.g. a pty master) or to each client of a TCP port.
 */
public final class ScannerSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScannerSimulator.class);

    private final List<String> codes;
    private final String terminator;
    private final Duration interval;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstRunDone = new CountDownLatch(1);
    private volatile boolean running = true;
    private ServerSocket server;

    public ScannerSimulator(List<String> codes, String terminator, Duration interval) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("the scanner simulator needs at least one code");
        }
        this.codes = List.copyOf(codes);
        this.terminator = Objects.requireNonNull(terminator);
        this.interval = Objects.requireNonNull(interval);
    }

    /** Sends every code once over the transport, after an initial delay (so the reader can start listening). */
    public void sendOver(Transport transport, Duration initialDelay) {
        start("scanner-sim " + transport.describe(), () -> {
            try {
                sleep(initialDelay);
                for (String code : codes) {
                    if (!running) {
                        return;
                    }
                    transport.write((code + terminator).getBytes(StandardCharsets.UTF_8));
                    sleep(interval);
                }
            } catch (IOException e) {
                log.warn("scanner simulator: {}", e.getMessage());
            } finally {
                firstRunDone.countDown();
            }
        });
    }

    /** Sends every code to each client that connects to 127.0.0.1:port; returns the port. */
    public synchronized int serveTcp(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ServerSocket listening = server;
        start("scanner-sim tcp:" + listening.getLocalPort(), () -> {
            while (running) {
                try (Socket client = listening.accept()) {
                    OutputStream out = client.getOutputStream();
                    for (String code : codes) {
                        out.write((code + terminator).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        sleep(interval);
                    }
                    firstRunDone.countDown();
                } catch (IOException e) {
                    if (running) {
                        log.debug("scanner simulator client: {}", e.getMessage());
                    }
                }
            }
        });
        return listening.getLocalPort();
    }

    /** Waits until all codes were sent once. */
    public boolean awaitSent(Duration timeout) throws InterruptedException {
        return firstRunDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
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
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
