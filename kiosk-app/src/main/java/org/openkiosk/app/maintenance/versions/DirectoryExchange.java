package org.openkiosk.app.maintenance.versions;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Swaps two directories on one file system: Linux's {@code renameat2(RENAME_EXCHANGE)} through JNA, so the live
 * configuration directory is at every instant either the old or the new one (ADR 0126). Where the file system or
 * kernel cannot exchange, two renames with the shortest possible gap.
 */
final class DirectoryExchange {

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;

    interface LibC extends Library {
        int renameat2(int oldDirFd, String oldPath, int newDirFd, String newPath, int flags) throws LastErrorException;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private DirectoryExchange() {}

    /** Afterwards {@code a} holds what {@code b} held and the other way round. */
    static void exchange(Path a, Path b) throws IOException {
        try {
            Holder.LIBC.renameat2(AT_FDCWD, a.toString(), AT_FDCWD, b.toString(), RENAME_EXCHANGE);
            return;
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            // EINVAL (file system without exchange), ENOSYS, or a libc without renameat2: fall through
        }
        Path parked = a.resolveSibling(a.getFileName() + ".exchange");
        Files.move(a, parked, StandardCopyOption.ATOMIC_MOVE);
        Files.move(b, a, StandardCopyOption.ATOMIC_MOVE);
        Files.move(parked, b, StandardCopyOption.ATOMIC_MOVE);
    }
}
