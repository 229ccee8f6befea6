package org.openkiosk.app.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The repository's demo configuration, copied so a test may write {@code services.yaml} into it. */
public final class RuntimeFixtures {

    private RuntimeFixtures() {}

    public static Path copyOfRepositoryConfig(Path target) throws IOException {
        Path source = Paths.get("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.deleteIfExists(target.resolve("services.yaml")); // the runtime writes the built-in one
        return target;
    }

    /**
     * A hall kiosk's configuration: the repository's, copied to {@code configDir} ({@link #copyOfRepositoryConfig}),
     * with its store replaced by {@code hall}.
     */
    public static org.openkiosk.app.config.KioskConfig hallKiosk(Path configDir,
                                                                org.openkiosk.app.config.StoreConfig hall)
            throws Exception {
        org.openkiosk.app.config.KioskConfig repo = org.openkiosk.app.config.ConfigLoader.load(
                copyOfRepositoryConfig(configDir));
        return new org.openkiosk.app.config.KioskConfig(repo.kiosk(), repo.ui(), repo.devices(), hall);
    }

    /** The one number a {@code SELECT COUNT(*)} gives in {@code store}. */
    public static int count(org.openkiosk.app.store.Store store, String countQuery) {
        return store.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(countQuery)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** What each open descriptor points at (a file, a pty, socket:[…]), for a readable leak report. */
    static java.util.List<String> openFileTargets() throws IOException {
        java.util.List<String> targets = new java.util.ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    // the descriptor of the listing itself, closed meanwhile
                }
            }
        }
        return targets;
    }

    static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
