package org.openkiosk.app.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A directory and everything in it, removed: temporary copies, staged configuration versions, a demo's files. */
public final class DirectoryTree {

    private DirectoryTree() {}

    /**
     * Deletes {@code dir} and everything below it, deepest first; a symbolic link is removed, never followed. A
     * missing directory (or {@code null}) is nothing to do. Goes on past a file it cannot delete and then throws the
     * first such failure (the others suppressed), so that as much as possible is gone.
     */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(dir)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) { // a directory below that could not be read
            throw e.getCause();
        }
        IOException first = null;
        for (Path p : deepestFirst) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
