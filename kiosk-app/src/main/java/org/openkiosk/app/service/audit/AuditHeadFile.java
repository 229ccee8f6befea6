package org.openkiosk.app.service.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed chain head in a file outside the database (by default {@code audit.head} under the data directory,
 * which is where a log shipper or backup picks it up). Each write goes to a temporary file that is forced to disk
 * and renamed over the old one, so a power cut leaves the old head or the new one, never half of one.
 */
public final class AuditHeadFile {

    /** The head file's name under the data directory. */
    public static final String FILE_NAME = "audit.head";
    /** The demo's head file, next to the demo store. */
    public static final String DEMO_FILE_NAME = "demo-audit.head";

    private final Path file;

    public AuditHeadFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The head written last, if there is a head file. */
    public Optional<AuditHead> read() throws IOException {
        try {
            return Optional.of(AuditHead.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the head file atomically. */
    public void write(AuditHead head) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(head.text().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
