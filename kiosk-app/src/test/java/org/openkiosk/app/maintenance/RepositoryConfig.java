package org.openkiosk.app.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** A copy of the repository's demo configuration (without services.yaml, which the runtime writes). */
public final class RepositoryConfig {

    private RepositoryConfig() {}

    public static Path copyTo(Path target) throws IOException {
        Path source = Paths.get("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!file.getFileName().toString().equals("services.yaml")) {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }
}
