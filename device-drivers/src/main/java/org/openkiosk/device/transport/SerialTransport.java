package org.openkiosk.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A serial port through jSerialComm: real UARTs, USB-serial adapters and pseudo-terminals.
 *
 * <p>URI: {@code serial:/dev/ttyUSB0?baud=115200&dataBits=8&parity=none&stopBits=1&writeTimeoutMs=2000}.
 *
 * <p>Reads use {@code TIMEOUT_READ_SEMI_BLOCKING}, so they return as soon as one byte is there. jSerialComm has no
 * write timeout on Linux (a write to a device that stopped reading blocks for ever), so writes run on a
 * dedicated writer thread and the caller waits on a deadline. A read returning −1 means the device is gone: the
 * port is closed at once (jSerialComm would otherwise report the disconnect in a tight loop) and every further
 * call fails with {@link DisconnectedException} until {@link #open()} succeeds again.
 */
public final class SerialTransport implements Transport {

    public static final int DEFAULT_BAUD = 115_200;

    private final TransportUri uri;
    private final String path;
    private final int baud;
    private final int dataBits;
    private final int parity;
    private final int stopBits;
    private final int frameBits;
    private final Duration minimumWriteTimeout;

    private SerialPort port;
    private ExecutorService writer;
    private volatile boolean disconnected;
    private int configuredReadTimeoutMs = -1;

    public SerialTransport(TransportUri uri) {
        if (!uri.scheme().equals("serial")) {
            throw new IllegalArgumentException("SerialTransport needs a serial: URI, got " + uri);
        }
        this.uri = uri;
        this.path = uri.target();
        this.baud = uri.intParameter("baud").orElse(DEFAULT_BAUD);
        this.dataBits = uri.intParameter("dataBits").orElse(8);
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5..8, got " + dataBits + " in " + uri);
        }
        this.parity = parseParity(uri.parameter("parity", "none"), uri);
        int stopBitCount = uri.intParameter("stopBits").orElse(1);
        this.stopBits = parseStopBits(stopBitCount, uri);
        this.frameBits = 1 + dataBits + stopBitCount + (parity == SerialPort.NO_PARITY ? 0 : 1);
        this.minimumWriteTimeout = Duration.ofMillis(uri.intParameter("writeTimeoutMs").orElse(2000));
    }

    /** Convenience for a path with the default 115200 8N1. */
    public static SerialTransport of(String path, int baud) {
        return new SerialTransport(TransportUri.parse("serial:" + path + "?baud=" + baud));
    }

    public int baud() {
        return baud;
    }

    public String path() {
        return path;
    }

    @Override
    public synchronized void open() throws IOException {
        if (port != null) {
            return;
        }
        if (path.startsWith("/") && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
            throw new DisconnectedException(describe() + ": cannot open — no such device (unplugged or wrong path?)");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new DisconnectedException(describe() + ": cannot open — no such serial port", e);
        }
        candidate.setComPortParameters(baud, dataBits, stopBits, parity);
        candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!candidate.openPort()) {
            throw new DisconnectedException(describe() + ": cannot open (error " + candidate.getLastErrorCode()
                    + " — missing, unplugged, no permission or already in use)");
        }
        configuredReadTimeoutMs = 100;
        port = candidate;
        disconnected = false;
        writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "serial-writer " + path);
            t.setDaemon(true); // a write stuck in the kernel must never keep the JVM alive
            return t;
        });
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null && !disconnected;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        SerialPort p = requireOpen();
        if (length == 0) {
            return 0;
        }
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        synchronized (this) {
            if (timeoutMs != configuredReadTimeoutMs) {
                p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMs, 0);
                configuredReadTimeoutMs = timeoutMs;
            }
        }
        int n = p.readBytes(buffer, length, offset);
        if (n < 0) {
            throw disconnect("read failed (device unplugged?)");
        }
        return n;
    }

    @Override
    public void write(byte[] data) throws IOException {
        SerialPort p = requireOpen();
        ExecutorService w;
        synchronized (this) {
            w = writer;
        }
        Duration deadline = writeDeadline(data.length);
        Future<Integer> pending;
        try {
            pending = w.submit(() -> writeAll(p, data));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new DisconnectedException(describe() + ": closed");
        }
        try {
            int written = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (written < 0) {
                throw disconnect("write failed (device unplugged?)");
            }
        } catch (TimeoutException e) {
            pending.cancel(true);
            // the port is now unusable (the writer may stay blocked in the kernel): drop it, the driver reopens
            close();
            throw new WriteTimeoutException(describe() + ": device did not accept " + data.length + " bytes within "
                    + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(describe() + ": interrupted while writing");
        } catch (ExecutionException e) {
            throw new IOException(describe() + ": write failed", e.getCause());
        }
    }

    private static int writeAll(SerialPort p, byte[] data) {
        int done = 0;
        while (done < data.length) {
            int n = p.writeBytes(data, data.length - done, done);
            if (n < 0) {
                return -1;
            }
            done += n;
        }
        return done;
    }

    /** The minimum deadline, or twice the wire time for long writes at slow baud rates. */
    private Duration writeDeadline(int bytes) {
        long wireMillis = (long) bytes * frameBits * 1000L / baud;
        return minimumWriteTimeout.plusMillis(2 * wireMillis);
    }

    @Override
    public void discardInput() throws IOException {
        SerialPort p = requireOpen();
        int available = p.bytesAvailable();
        if (available < 0) {
            throw disconnect("port vanished");
        }
        byte[] sink = new byte[Math.max(1, Math.min(available, 4096))];
        while (p.bytesAvailable() > 0) {
            if (p.readBytes(sink, sink.length, 0) < 0) {
                throw disconnect("read failed (device unplugged?)");
            }
        }
    }

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.shutdownNow();
            writer = null;
        }
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    private synchronized SerialPort requireOpen() throws IOException {
        if (disconnected) {
            throw new DisconnectedException(describe() + ": device disconnected; reopen the transport");
        }
        if (port == null) {
            throw new DisconnectedException(describe() + ": not open");
        }
        return port;
    }

    private synchronized DisconnectedException disconnect(String why) {
        disconnected = true;
        close();
        return new DisconnectedException(describe() + ": " + why);
    }

    private static int parseParity(String value, TransportUri uri) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "none", "n" -> SerialPort.NO_PARITY;
            case "even", "e" -> SerialPort.EVEN_PARITY;
            case "odd", "o" -> SerialPort.ODD_PARITY;
            default -> throw new IllegalArgumentException("parity must be none, even or odd, got \"" + value + "\" in " + uri);
        };
    }

    private static int parseStopBits(int value, TransportUri uri) {
        return switch (value) {
            case 1 -> SerialPort.ONE_STOP_BIT;
            case 2 -> SerialPort.TWO_STOP_BITS;
            default -> throw new IllegalArgumentException("stopBits must be 1 or 2, got " + value + " in " + uri);
        };
    }
}
