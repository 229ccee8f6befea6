package org.openkiosk.app.console.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openkiosk.app.files.DirectoryTree;

/**
 * The demo hall's temporary directory (broker files, kiosk data, keys): named {@code openkiosk-demo-hall-*} and marked
 * with the owning process (pid and start time). A demo that was killed cannot remove its own directory, so the next
 * start removes every marked directory whose process is gone; a demo still running, and anything unmarked, is left
 * alone (ADR 0195).
 */
final class DemoDirectory {

    static final String PREFIX = "openkiosk-demo-hall-";
    static final String OWNER_FILE = "demo-owner";

    private DemoDirectory() {}

    /** A new directory under {@code root}, marked as this process's, after removing the leftovers of killed demos. */
    static Path create(Path root) throws IOException {
        removeLeftovers(root);
        Path dir = Files.createTempDirectory(root, PREFIX);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve(OWNER_FILE), marker(self.pid(), self.info().startInstant()));
        return dir;
    }

    static Path create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Removes the marked demo directories under {@code root} whose process is no longer running; returns them. */
    static List<Path> removeLeftovers(Path root) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && !Files.isSymbolicLink(dir) && ownerGone(dir)) {
                    delete(dir);
                    removed.add(dir);
                }
            }
        } catch (IOException e) {
            System.err.println("demo: could not look for leftovers under " + root + ": " + e.getMessage());
        }
        return removed;
    }

    static String marker(long pid, Optional<Instant> started) {
        return pid + " " + started.map(Instant::toString).orElse("-") + "\n";
    }

    /** Gone: no such process, or another process under the same pid (started at another time). Unmarked: kept. */
    private static boolean ownerGone(Path dir) {
        String[] owner;
        try {
            owner = Files.readString(dir.resolve(OWNER_FILE)).trim().split(" ");
        } catch (IOException e) {
            return false; // not ours, or a demo that has not written its mark yet
        }
        long pid;
        try {
            pid = Long.parseLong(owner[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return owner.length > 1 && !owner[1].equals("-") && started.isPresent()
                && !started.get().toString().equals(owner[1]);
    }

    static void delete(Path dir) {
        try {
            DirectoryTree.delete(dir);
        } catch (IOException e) {
            System.err.println("demo: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
