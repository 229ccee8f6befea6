package org.openkiosk.device.idcard.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.Transport;

/** The simulator's side of an accepted TCP connection (for {@code simulate idcard --tcp PORT}). */
final class SimulatorSocketLink implements Transport {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SimulatorSocketLink(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public void open() {
        // accepted sockets are open already
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new DisconnectedException(describe() + ": peer closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (SocketException e) {
            throw new DisconnectedException(describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        try {
            out.write(data);
            out.flush();
        } catch (SocketException e) {
            throw new DisconnectedException(describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void discardInput() throws IOException {
        while (in.available() > 0) {
            in.skip(in.available());
        }
    }

    @Override
    public String describe() {
        return "tcp-peer:" + socket.getRemoteSocketAddress();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
