package org.openkiosk.device.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A USB printer-class device file ({@code usblp:/dev/usb/lp0?read=true&writeTimeoutMs=5000}).
 *
 * <p>Writes go straight to the file, guarded by a watchdog because the kernel blocks a write while the printer
 * is offline. Status replies can only be read from bidirectional printers: a reader thread collects them; when
 * the kernel refuses reads (or {@code read=false}), reads fail with {@link ReadNotSupportedException} so the
 * driver reports the status as unknown. The channel is interruptible, so closing it wakes the reader thread.
 */
public final class UsbLpTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(UsbLpTransport.class);

    private final Path path;
    private final boolean readRequested;
    private final Duration writeTimeout;
    private final String description;

    private FileChannel channel;
    private ByteInbox inbox;
    private Thread reader;
    private volatile String readFailure;
    private volatile boolean disconnected;

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
            channel = readRequested
                    ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new DisconnectedException(description + ": " + path + " vanished", e);
        } catch (IOException e) {
            throw new DisconnectedException(description + ": cannot open " + path + " (" + e.getMessage() + ")", e);
        }
        disconnected = false;
        readFailure = readRequested ? null : "reading disabled by read=false";
        inbox = new ByteInbox(4096);
        if (readRequested) {
            FileChannel ch = channel;
            ByteInbox box = inbox;
            reader = new Thread(() -> pump(ch, box), "usblp-reader " + path);
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void pump(FileChannel ch, ByteInbox box) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        try {
            while (true) {
                buffer.clear();
                int n = ch.read(buffer);
                if (n < 0) {
                    readFailure = "the device file reports end of data (printer not bidirectional)";
                    break;
                }
                box.put(buffer.array(), 0, n);
            }
        } catch (ClosedChannelException e) {
            readFailure = "closed";
        } catch (IOException e) {
            readFailure = "the kernel refuses reads (" + e.getMessage() + ")";
            log.debug("{}: reads unsupported: {}", description, e.getMessage());
        } finally {
            box.end();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return channel != null && channel.isOpen() && !disconnected;
    }

    /** Whether status replies can come back over this link (as far as known so far). */
    public boolean canRead() {
        return readFailure == null;
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        ByteInbox box;
        synchronized (this) {
            requireOpen();
            box = inbox;
        }
        if (readFailure != null && !readRequested) {
            throw new ReadNotSupportedException(description + ": " + readFailure);
        }
        try {
            int n = box.take(buffer, offset, length, timeout);
            if (n < 0) {
                throw new ReadNotSupportedException(description + ": cannot read status: " + readFailure);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(description + ": interrupted while reading");
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        FileChannel ch;
        synchronized (this) {
            ch = requireOpen();
        }
        WriteWatchdog.Guard guard = WriteWatchdog.start(writeTimeout, () -> closeQuietly(ch));
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        } catch (IOException e) {
            boolean timedOut = guard.finish();
            markDisconnected();
            throw new DisconnectedException(description + (timedOut
                    ? ": write did not finish within " + writeTimeout.toMillis() + " ms (printer offline?)"
                    : ": write failed (" + e.getMessage() + "), printer unplugged?"), e);
        }
        if (guard.finish()) {
            markDisconnected();
            throw new DisconnectedException(description + ": write overran " + writeTimeout.toMillis() + " ms");
        }
    }

    @Override
    public void discardInput() throws IOException {
        ByteInbox box;
        synchronized (this) {
            requireOpen();
            box = inbox;
        }
        box.clear();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            closeQuietly(channel);
            channel = null;
        }
        if (reader != null) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
    }

    private synchronized void markDisconnected() {
        disconnected = true;
        close();
    }

    private FileChannel requireOpen() throws DisconnectedException {
        if (channel == null || !channel.isOpen() || disconnected) {
            throw new DisconnectedException(description + ": not open");
        }
        return channel;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
