package org.openkiosk.device.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A USB printer-class device file ({@code usblp:/dev/usb/lp0?read=true&writeTimeoutMs=5000}).
 *
 * <p>The file is opened non-blocking and every read and write waits in {@code poll} with a deadline (see
 * {@link PosixDeviceFile}), so an offline printer cannot hang a job. Status replies come back only from
 * bidirectional printers: when the kernel refuses reads (or {@code read=false}), reads fail with
 * {@link ReadNotSupportedException} and the driver reports the status as unknown. ENODEV/EIO and hang-ups mean
 * the printer was unplugged: {@link DisconnectedException}.
 */
public final class UsbLpTransport implements Transport {

    private static final int ENODEV = 19;
    private static final int EIO = 5;
    private static final int ENXIO = 6;

    private final Path path;
    private final boolean readRequested;
    private final Duration writeTimeout;
    private final String description;

    private volatile PosixDeviceFile file;
    private volatile String readFailure;

    public UsbLpTransport(TransportUri uri) {
        if (!uri.scheme().equals("usblp")) {
            throw new IllegalArgumentException("UsbLpTransport needs a usblp: URI, got " + uri);
        }
        this.path = Path.of(uri.target());
        this.readRequested = Boolean.parseBoolean(uri.parameter("read", "true"));
        int ms = uri.intParameter("writeTimeoutMs").orElse(TcpTransport.DEFAULT_WRITE_TIMEOUT_MS);
        if (ms <= 0) {
            throw new IllegalArgumentException("writeTimeoutMs must be positive in " + uri);
        }
        this.writeTimeout = Duration.ofMillis(ms);
        this.description = uri.toString();
    }

    @Override
    public synchronized void open() throws IOException {
        if (isOpen()) {
            return;
        }
        if (!Files.exists(path)) {
            throw new DisconnectedException(description + ": " + path + " does not exist (printer unplugged or usblp module not loaded)");
        }
        try {
            file = PosixDeviceFile.open(path.toString(), readRequested);
        } catch (IOException e) {
            throw new DisconnectedException(description + ": cannot open (" + e.getMessage() + ")", e);
        }
        readFailure = readRequested ? null : "reading disabled by read=false";
    }

    @Override
    public boolean isOpen() {
        PosixDeviceFile f = file;
        return f != null && f.isOpen();
    }

    /** Whether status replies can come back over this link (as far as known so far). */
    public boolean canRead() {
        return readFailure == null;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        PosixDeviceFile f = requireOpen();
        if (readFailure != null) {
            throw new ReadNotSupportedException(description + ": cannot read status: " + readFailure);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PosixDeviceFile.Readiness ready = f.await(false, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (ready == PosixDeviceFile.Readiness.TIMEOUT) {
                return 0;
            }
            if (ready == PosixDeviceFile.Readiness.HANGUP) {
                throw gone("the device hung up");
            }
            int n;
            try {
                n = f.read(buffer, offset, length);
            } catch (PosixDeviceFile.ErrnoException e) {
                if (e.errno() == ENODEV || e.errno() == EIO || e.errno() == ENXIO) {
                    throw gone(e.getMessage());
                }
                readFailure = "the kernel refuses reads (" + e.getMessage() + ")";
                throw new ReadNotSupportedException(description + ": " + readFailure);
            }
            if (n < 0) {
                readFailure = "the device file reports end of data (printer not bidirectional)";
                throw new ReadNotSupportedException(description + ": " + readFailure);
            }
            if (n > 0 || System.nanoTime() >= deadline) {
                return n;
            }
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        PosixDeviceFile f = requireOpen();
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        int done = 0;
        while (done < data.length) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                close();
                throw new DisconnectedException(description + ": write did not finish within " + writeTimeout.toMillis()
                        + " ms (" + done + " of " + data.length + " bytes; printer offline or not reading)");
            }
            PosixDeviceFile.Readiness ready = f.await(true, Duration.ofNanos(left));
            if (ready == PosixDeviceFile.Readiness.HANGUP) {
                throw gone("the device hung up");
            }
            if (ready == PosixDeviceFile.Readiness.READY) {
                try {
                    done += f.write(data, done, Math.min(4096, data.length - done));
                } catch (IOException e) {
                    throw gone(e.getMessage());
                }
            }
        }
    }

    @Override
    public void discardInput() throws IOException {
        if (readFailure != null) {
            return;
        }
        byte[] scratch = new byte[256];
        while (true) {
            try {
                if (read(scratch, 0, scratch.length, Duration.ZERO) <= 0) {
                    return;
                }
            } catch (ReadNotSupportedException e) {
                return;
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        PosixDeviceFile f = file;
        file = null;
        if (f != null) {
            f.close();
        }
    }

    private DisconnectedException gone(String why) {
        close();
        return new DisconnectedException(description + ": printer gone (" + why + "), unplugged?");
    }

    private PosixDeviceFile requireOpen() throws DisconnectedException {
        PosixDeviceFile f = file;
        if (f == null || !f.isOpen()) {
            throw new DisconnectedException(description + ": not open");
        }
        return f;
    }
}
