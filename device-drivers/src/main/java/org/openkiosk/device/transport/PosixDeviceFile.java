package org.openkiosk.device.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.time.Duration;

/**
 * A character device opened non-blocking through libc (JNA), so every read and write waits in {@code poll} with
 * a deadline. Java's file APIs cannot do this: a blocked read or write on a device file can neither time out
 * nor be woken by closing, and FileChannel serialises reads and writes so a pending status read would block a
 * job. The usblp driver also allows only one open at a time, so reads and writes must share one descriptor.
 * Linux only (the constants are the Linux values, the same on x86-64 and ARM).
 */
final class PosixDeviceFile implements AutoCloseable {

    private static final int O_RDWR = 2;
    private static final int O_WRONLY = 1;
    private static final int O_NOCTTY = 0400;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final short POLLERR = 0x8;
    private static final short POLLHUP = 0x10;
    private static final short POLLNVAL = 0x20;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    /** The libc calls used. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        long read(int fd, Pointer buffer, long count) throws LastErrorException;

        long write(int fd, Pointer buffer, long count) throws LastErrorException;

        int poll(Pointer fds, long nfds, int timeoutMs) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /** What a poll saw. */
    enum Readiness { READY, TIMEOUT, HANGUP }

    private final String path;
    private volatile int fd;

    private PosixDeviceFile(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    static PosixDeviceFile open(String path, boolean readWrite) throws IOException {
        try {
            int flags = (readWrite ? O_RDWR : O_WRONLY) | O_NOCTTY | O_NONBLOCK | O_CLOEXEC;
            return new PosixDeviceFile(path, Holder.LIBC.open(path, flags));
        } catch (LastErrorException e) {
            throw new IOException("open " + path + ": " + describe(e), e);
        }
    }

    boolean isOpen() {
        return fd >= 0;
    }

    Readiness await(boolean forWrite, Duration timeout) throws IOException {
        int descriptor = requireOpen();
        try (Memory pollfd = new Memory(8)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                pollfd.setInt(0, descriptor);
                pollfd.setShort(4, forWrite ? POLLOUT : POLLIN);
                pollfd.setShort(6, (short) 0);
                long leftMs = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                int n;
                try {
                    n = Holder.LIBC.poll(pollfd, 1, (int) Math.min(Integer.MAX_VALUE, leftMs));
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == EINTR) {
                        continue;
                    }
                    throw new IOException("poll " + path + ": " + describe(e), e);
                }
                if (n == 0) {
                    return Readiness.TIMEOUT;
                }
                short revents = pollfd.getShort(6);
                // hang-up first: a tty whose other side closed reports POLLIN too, then reads 0 bytes
                if ((revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
                    return Readiness.HANGUP;
                }
                if ((revents & (forWrite ? POLLOUT : POLLIN)) != 0) {
                    return Readiness.READY;
                }
            }
        }
    }

    /** @return bytes read (> 0), 0 when nothing is there (EAGAIN), −1 at end of file */
    int read(byte[] buffer, int offset, int length) throws IOException {
        int descriptor = requireOpen();
        try (Memory memory = new Memory(Math.max(1, length))) {
            long n = Holder.LIBC.read(descriptor, memory, length);
            if (n > 0) {
                memory.read(0, buffer, offset, (int) n);
            }
            return n == 0 ? -1 : (int) n;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new ErrnoException("read " + path + ": " + describe(e), e.getErrorCode(), e);
        }
    }

    /** @return bytes written, 0 when the device cannot take any now (EAGAIN) */
    int write(byte[] data, int offset, int length) throws IOException {
        int descriptor = requireOpen();
        try (Memory memory = new Memory(Math.max(1, length))) {
            memory.write(0, data, offset, length);
            return (int) Holder.LIBC.write(descriptor, memory, length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new ErrnoException("write " + path + ": " + describe(e), e.getErrorCode(), e);
        }
    }

    @Override
    public synchronized void close() {
        int descriptor = fd;
        fd = -1;
        if (descriptor >= 0) {
            try {
                Holder.LIBC.close(descriptor);
            } catch (LastErrorException ignored) {
                // the descriptor is gone either way
            }
        }
    }

    private int requireOpen() throws DisconnectedException {
        int descriptor = fd;
        if (descriptor < 0) {
            throw new DisconnectedException(path + " is closed");
        }
        return descriptor;
    }

    private static String describe(LastErrorException e) {
        return "errno " + e.getErrorCode() + " (" + e.getMessage() + ")";
    }

    /** A failed system call with its errno. */
    static final class ErrnoException extends IOException {
        private final int errno;

        ErrnoException(String message, int errno, Throwable cause) {
            super(message, cause);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }
}
