package org.openkiosk.device.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A kernel pseudo-terminal pair created in-process (posix_openpt through JNA), so tests and
 * {@code ./kiosk simulate} need no external tool. A driver opens {@link #slavePath()} like any serial port;
 * a simulator talks through {@link #master()}. {@link #close()} is an unplug: the driver's next read fails.
 *
 * <p>The slave is set raw (cfmakeraw) so the line discipline never echoes or translates bytes. The pair keeps
 * one slave descriptor of its own open: without it the master sees a hang-up whenever no driver has the port
 * open (for example between a driver's close and its reopen). That descriptor is never read, so every byte the
 * master writes reaches the driver.
 */
public final class PseudoTerminal implements AutoCloseable {

    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final int F_SETFL = 4;
    private static final int F_GETFL = 3;
    private static final int TCSANOW = 0;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int EIO = 5;

    /** The few libc calls we need; errno arrives as {@link LastErrorException}. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        int ptsname_r(int fd, byte[] buf, long buflen);

        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int fcntl(int fd, int cmd, int arg) throws LastErrorException;

        int tcgetattr(int fd, Pointer termios) throws LastErrorException;

        void cfmakeraw(Pointer termios);

        int tcsetattr(int fd, int action, Pointer termios) throws LastErrorException;

        int poll(Pointer fds, int nfds, int timeoutMs) throws LastErrorException;

        long read(int fd, byte[] buf, long count) throws LastErrorException;

        long write(int fd, byte[] buf, long count) throws LastErrorException;
    }

    private final int masterFd;
    private final int holdSlaveFd;
    private final String slavePath;
    private final Path link;
    private final MasterTransport master = new MasterTransport();
    private volatile boolean closed;
    /** I/O holds the read lock, close the write lock: a closed fd number (maybe reused) is never touched. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock fdLock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private PseudoTerminal(int masterFd, int holdSlaveFd, String slavePath, Path link) {
        this.masterFd = masterFd;
        this.holdSlaveFd = holdSlaveFd;
        this.slavePath = slavePath;
        this.link = link;
    }

    /** Creates a pty pair; the driver opens {@link #slavePath()}. */
    public static PseudoTerminal open() throws IOException {
        return open(null);
    }

    /**
     * Creates a pty pair and, when {@code link} is given, a symbolic link to its slave — a stable path, so that a
     * "re-plugged" device (a new pair) appears where the driver looks for it.
     */
    public static PseudoTerminal open(Path link) throws IOException {
        LibC libc = LibC.INSTANCE;
        int master = -1;
        int hold = -1;
        try {
            master = libc.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
            libc.grantpt(master);
            libc.unlockpt(master);
            byte[] name = new byte[128];
            int rc = libc.ptsname_r(master, name, name.length);
            if (rc != 0) {
                throw new IOException("ptsname_r failed with error " + rc);
            }
            String slave = Native.toString(name);
            makeRaw(libc, master);
            hold = libc.open(slave, O_RDWR | O_NOCTTY | O_CLOEXEC);
            libc.fcntl(master, F_SETFL, libc.fcntl(master, F_GETFL, 0) | O_NONBLOCK);
            if (link != null) {
                // replace only an old link of ours: never delete a real file someone named by mistake
                if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                    throw new IOException(link + " exists and is not a symbolic link; choose another path for the pty link");
                }
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(slave));
            }
            return new PseudoTerminal(master, hold, slave, link);
        } catch (LastErrorException e) {
            quietClose(libc, hold);
            quietClose(libc, master);
            throw new IOException("cannot create a pseudo-terminal: errno " + e.getErrorCode(), e);
        } catch (IOException | RuntimeException e) {
            quietClose(libc, hold);
            quietClose(libc, master);
            throw e;
        }
    }

    private static void makeRaw(LibC libc, int fd) {
        // struct termios is 60 bytes on Linux/glibc; a larger buffer keeps us safe on other ABIs
        try (Memory termios = new Memory(256)) {
            termios.clear();
            libc.tcgetattr(fd, termios);
            libc.cfmakeraw(termios);
            libc.tcsetattr(fd, TCSANOW, termios);
        }
    }

    /** What a driver opens, e.g. {@code /dev/pts/7} (or the link, when one was requested). */
    public String slavePath() {
        return link != null ? link.toString() : slavePath;
    }

    /** The kernel's name of the slave, never a link. */
    public String kernelSlavePath() {
        return slavePath;
    }

    /** The device side: what a simulator reads commands from and writes replies to. */
    public Transport master() {
        return master;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Unplugs the device: the driver's reads on the slave fail from now on. Idempotent. */
    @Override
    public void close() {
        fdLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            LibC libc = LibC.INSTANCE;
            quietClose(libc, masterFd);
            quietClose(libc, holdSlaveFd);
        } finally {
            fdLock.writeLock().unlock();
        }
        if (link != null) {
            try {
                Files.deleteIfExists(link);
            } catch (IOException ignored) {
                // a stale link is harmless: the next open replaces it
            }
        }
    }

    private static void quietClose(LibC libc, int fd) {
        if (fd >= 0) {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // nothing useful to do about a failed close
            }
        }
    }

    @Override
    public String toString() {
        return "pty " + slavePath();
    }

    private void requireNotClosed() throws DisconnectedException {
        if (closed) {
            throw new DisconnectedException("pty " + slavePath + " was closed (unplugged)");
        }
    }

    /** Runs one system call on the master unless the pair is closed. */
    private long onMaster(java.util.function.ToLongFunction<LibC> call) throws DisconnectedException {
        fdLock.readLock().lock();
        try {
            requireNotClosed();
            return call.applyAsLong(LibC.INSTANCE);
        } finally {
            fdLock.readLock().unlock();
        }
    }

    /** Waits until {@code fd} is ready for {@code events}; false on timeout. */
    private boolean await(short events, long timeoutMs) throws DisconnectedException {
        // freed when the wait ends, not by JNA's cleaner after some later GC: the simulators wait here for every
        // byte, and a soak showed thousands of dead buffers a few hundred sessions apart waiting for the cleaner
        try (Memory pollfd = new Memory(8)) {
            return await(pollfd, events, timeoutMs);
        }
    }

    private boolean await(Memory pollfd, short events, long timeoutMs) throws DisconnectedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            pollfd.setInt(0, masterFd);
            pollfd.setShort(4, events);
            pollfd.setShort(6, (short) 0);
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
            // short slices so that a concurrent close() (which needs the write lock) is never held up for long
            int slice = (int) Math.min(left, 50);
            fdLock.readLock().lock();
            try {
                requireNotClosed();
                if (LibC.INSTANCE.poll(pollfd, 1, slice) > 0) {
                    return true;
                }
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new DisconnectedException("poll on pty master failed: errno " + e.getErrorCode());
                }
            } finally {
                fdLock.readLock().unlock();
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
        }
    }

    /** The master side as a {@link Transport} for simulators. */
    private final class MasterTransport implements Transport {

        @Override
        public void open() throws IOException {
            if (closed) {
                throw new DisconnectedException("pty " + slavePath + " was closed");
            }
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!await(POLLIN, Math.max(0, timeout.toMillis()))) {
                return 0;
            }
            byte[] chunk = offset == 0 ? buffer : new byte[length];
            long n;
            try {
                n = onMaster(libc -> libc.read(masterFd, chunk, length));
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                    return 0;
                }
                if (e.getErrorCode() == EIO) {
                    // EIO on a master: no slave open right now (we hold one, so only after close) — treat as gone
                    throw new DisconnectedException("pty " + slavePath + ": slave side gone");
                }
                throw new IOException("read on pty master failed: errno " + e.getErrorCode(), e);
            }
            if (n <= 0) {
                throw new DisconnectedException("pty " + slavePath + ": end of stream");
            }
            if (chunk != buffer) {
                System.arraycopy(chunk, 0, buffer, offset, (int) n);
            }
            return (int) n;
        }

        @Override
        public void write(byte[] data) throws IOException {
            write(data, 0, data.length);
        }

        private void write(byte[] data, int offset, int length) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int done = 0;
            while (done < length) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0 || !await(POLLOUT, left)) {
                    throw new WriteTimeoutException("pty " + slavePath + ": nobody reads the slave; " + done + " of "
                            + length + " bytes written");
                }
                byte[] chunk = done == 0 && offset == 0 ? data : java.util.Arrays.copyOfRange(data, offset + done, offset + length);
                try {
                    final int todo = length - done;
                    long n = onMaster(libc -> libc.write(masterFd, chunk, todo));
                    done += (int) Math.max(0, n);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EAGAIN && e.getErrorCode() != EINTR) {
                        throw new DisconnectedException("write on pty master failed: errno " + e.getErrorCode());
                    }
                }
            }
        }

        @Override
        public void discardInput() throws IOException {
            byte[] sink = new byte[4096];
            while (true) {
                try {
                    if (onMaster(libc -> libc.read(masterFd, sink, sink.length)) <= 0) {
                        return;
                    }
                } catch (LastErrorException e) {
                    return; // EAGAIN: nothing left (the master is non-blocking)
                }
            }
        }

        @Override
        public String describe() {
            return "pty-master:" + slavePath;
        }

        /** The simulator's side closing is an unplug of the whole pair. */
        @Override
        public void close() {
            PseudoTerminal.this.close();
        }
    }
}
