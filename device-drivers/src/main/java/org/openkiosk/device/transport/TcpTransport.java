package org.openkiosk.device.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Raw TCP, as spoken by network receipt printers on port 9100.
 *
 * <p>URI: {@code tcp://10.1.2.3:9100?connectTimeoutMs=3000&writeTimeoutMs=5000}. Reads wait through
 * {@code SO_TIMEOUT}; writes are guarded by a watchdog that closes the socket when the printer stops accepting
 * data. A closed or reset connection surfaces as {@link DisconnectedException}.
 */
public final class TcpTransport implements Transport {

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 3000;
    public static final int DEFAULT_WRITE_TIMEOUT_MS = 5000;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private final String description;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(TransportUri uri) {
        if (!uri.scheme().equals("tcp")) {
            throw new IllegalArgumentException("TcpTransport needs a tcp:// URI, got " + uri);
        }
        this.host = uri.host();
        this.port = uri.port();
        this.connectTimeout = Duration.ofMillis(positive(uri, "connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT_MS));
        this.writeTimeout = Duration.ofMillis(positive(uri, "writeTimeoutMs", DEFAULT_WRITE_TIMEOUT_MS));
        this.description = uri.toString();
    }

    private static int positive(TransportUri uri, String name, int fallback) {
        int value = uri.intParameter(name).orElse(fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value + " in " + uri);
        }
        return value;
    }

    @Override
    public synchronized void open() throws IOException {
        if (isOpen()) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        } catch (SocketTimeoutException e) {
            s.close();
            throw new DisconnectedException(description + ": no connection within " + connectTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            s.close();
            throw new DisconnectedException(description + ": cannot connect (" + e.getMessage() + ")", e);
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    @Override
    public synchronized boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        Socket s;
        InputStream input;
        synchronized (this) {
            s = requireOpen();
            input = in;
        }
        if (length == 0) {
            return 0;
        }
        s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        try {
            int n = input.read(buffer, offset, length);
            if (n < 0) {
                close();
                throw new DisconnectedException(description + ": the printer closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (SocketException e) {
            close();
            throw new DisconnectedException(description + ": connection lost (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        Socket s;
        OutputStream output;
        synchronized (this) {
            s = requireOpen();
            output = out;
        }
        WriteWatchdog.Guard guard = WriteWatchdog.start(writeTimeout, () -> closeQuietly(s));
        try {
            output.write(data);
            output.flush();
        } catch (IOException e) {
            close();
            if (guard.finish()) {
                throw new DisconnectedException(description + ": write did not finish within "
                        + writeTimeout.toMillis() + " ms (printer not accepting data); connection closed", e);
            }
            throw new DisconnectedException(description + ": connection lost while writing (" + e.getMessage() + ")", e);
        }
        if (guard.finish()) {
            close();
            throw new DisconnectedException(description + ": write overran " + writeTimeout.toMillis() + " ms; connection closed");
        }
    }

    @Override
    public void discardInput() throws IOException {
        InputStream input;
        synchronized (this) {
            requireOpen();
            input = in;
        }
        while (input.available() > 0) {
            if (input.skip(input.available()) <= 0) {
                break;
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
            in = null;
            out = null;
        }
    }

    private Socket requireOpen() throws DisconnectedException {
        if (socket == null || socket.isClosed()) {
            throw new DisconnectedException(description + ": not connected");
        }
        return socket;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort; the socket is unusable either way
        }
    }
}
