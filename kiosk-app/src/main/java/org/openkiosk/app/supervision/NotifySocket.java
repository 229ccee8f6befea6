package org.openkiosk.app.supervision;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The service manager's notification socket ({@code NOTIFY_SOCKET}): one unix datagram per message, sent with
 * libc's {@code socket}/{@code sendto} through JNA because JDK sockets cannot send unix datagrams. A name starting
 * with {@code @} is in the abstract namespace (a leading NUL byte, no terminator), as systemd hands it out for
 * containers. Linux only; the constants are the same on x86-64 and ARM64.
 */
public final class NotifySocket {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int MSG_NOSIGNAL = 0x4000;
    /** Never block the caller (the watchdog thread) on a full receive queue. */
    private static final int MSG_DONTWAIT = 0x40;
    /** sizeof(sun_family) + sizeof(sun_path) in struct sockaddr_un. */
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_SIZE = 108;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        long sendto(int fd, Pointer buffer, long length, int flags, Pointer address, int addressLength)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private final String address;

    /**
     * @param address a file-system path ({@code /run/systemd/notify}) or an abstract name ({@code @name})
     * @throws IllegalArgumentException when it is neither or longer than a unix socket address may be
     */
    public NotifySocket(String address) {
        if (address == null || address.length() < 2 || !(address.startsWith("/") || address.startsWith("@"))) {
            throw new IllegalArgumentException("NOTIFY_SOCKET must be an absolute path or @name, was " + address);
        }
        if (address.getBytes(StandardCharsets.UTF_8).length >= SUN_PATH_SIZE) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is longer than a unix socket address: " + address);
        }
        this.address = address;
    }

    public String address() {
        return address;
    }

    /** Sends {@code message} (e.g. {@code "READY=1\nSTATUS=serving"}) as one datagram. */
    public void send(String message) throws IOException {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        try (Memory sockaddr = socketAddress(address); Memory buffer = new Memory(Math.max(1, payload.length))) {
            buffer.write(0, payload, 0, payload.length);
            int fd = Holder.LIBC.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            try {
                Holder.LIBC.sendto(fd, buffer, payload.length, MSG_NOSIGNAL | MSG_DONTWAIT, sockaddr, (int) sockaddr.size());
            } finally {
                Holder.LIBC.close(fd);
            }
        } catch (LastErrorException e) {
            throw new IOException("sending to " + address + " failed: errno " + e.getErrorCode(), e);
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("libc is not reachable through JNA: " + e.getMessage(), e);
        }
    }

    /** A struct sockaddr_un sized exactly as the kernel wants it (the length decides abstract names). */
    static Memory socketAddress(String address) {
        byte[] name = address.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = name[0] == '@';
        // a path carries its NUL terminator; an abstract name is a NUL followed by exactly its bytes
        int length = SUN_PATH_OFFSET + (abstractName ? name.length : name.length + 1);
        Memory sockaddr = new Memory(length);
        sockaddr.clear();
        sockaddr.setShort(0, (short) AF_UNIX);
        if (abstractName) {
            sockaddr.setByte(SUN_PATH_OFFSET, (byte) 0);
            sockaddr.write(SUN_PATH_OFFSET + 1, name, 1, name.length - 1);
        } else {
            sockaddr.write(SUN_PATH_OFFSET, name, 0, name.length);
        }
        return sockaddr;
    }
}
