package org.openkiosk.app.supervision;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A unix datagram socket bound where systemd's notify socket would be, written independently of the production
 * sender (its own libc binding): what arrives here is what systemd would have received.
 */
final class FakeSystemdSocket implements AutoCloseable {

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, Pointer address, int length) throws LastErrorException;

        int poll(Pointer fds, long count, int timeoutMs) throws LastErrorException;

        long recv(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final int fd;
    private final String address;
    private final Path file;

    private FakeSystemdSocket(int fd, String address, Path file) {
        this.fd = fd;
        this.address = address;
        this.file = file;
    }

    /** Bound to a file in {@code dir}. */
    static FakeSystemdSocket atPath(Path dir) {
        Path file = dir.resolve("notify");
        return bind(file.toString(), file);
    }

    /** Bound to a unique name in the abstract namespace ({@code @name}). */
    static FakeSystemdSocket abstractName() {
        return bind("@openkiosk-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), null);
    }

    private static FakeSystemdSocket bind(String address, Path file) {
        byte[] name = address.getBytes(StandardCharsets.UTF_8);
        try (Memory sa = new Memory(110)) {
            sa.clear();
            sa.setShort(0, (short) 1); // AF_UNIX
            int length;
            if (name[0] == '@') {
                sa.write(3, name, 1, name.length - 1); // byte 2 stays 0: abstract
                length = 2 + name.length;
            } else {
                sa.write(2, name, 0, name.length);
                length = 2 + name.length + 1;
            }
            int fd = LibC.INSTANCE.socket(1, 2, 0);
            LibC.INSTANCE.bind(fd, sa, length);
            return new FakeSystemdSocket(fd, address, file);
        }
    }

    String address() {
        return address;
    }

    /** The next datagram, or empty when none arrives within {@code timeout}. */
    Optional<String> receive(Duration timeout) {
        try (Memory pollfd = new Memory(8); Memory buffer = new Memory(4096)) {
            pollfd.clear();
            pollfd.setInt(0, fd);
            pollfd.setShort(4, (short) 1); // POLLIN
            if (LibC.INSTANCE.poll(pollfd, 1, (int) timeout.toMillis()) == 0) {
                return Optional.empty();
            }
            long n = LibC.INSTANCE.recv(fd, buffer, buffer.size(), 0);
            return Optional.of(new String(buffer.getByteArray(0, (int) n), StandardCharsets.UTF_8));
        }
    }

    /** Waits for a datagram containing {@code text}, skipping others; fails after {@code deadline}. */
    String await(String text, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < end) {
            Optional<String> m = receive(Duration.ofMillis(200));
            if (m.isPresent()) {
                if (m.get().contains(text)) {
                    return m.get();
                }
                seen.append('[').append(m.get()).append("] ");
            }
        }
        throw new AssertionError("no datagram with " + text + " within " + deadline + "; received " + seen);
    }

    /** Everything already queued, without waiting. */
    java.util.List<String> drain() {
        java.util.List<String> all = new java.util.ArrayList<>();
        Optional<String> m;
        while ((m = receive(Duration.ZERO)).isPresent()) {
            all.add(m.get());
        }
        return all;
    }

    @Override
    public void close() throws Exception {
        LibC.INSTANCE.close(fd);
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
