package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces {@code kiosk.yaml} safely (for maintenance mode): the new text is validated first, written to a temporary
 * file in the same directory, forced to disk, and renamed over the old file in one atomic step; the old file is
 * kept as {@code kiosk.yaml.prev}. A power cut at any moment leaves either the old or the new file, never half of
 * one.
 */
public final class ConfigWriter {

    /** The previous version, kept after every write. */
    public static final String PREVIOUS_FILE = ConfigLoader.KIOSK_FILE + ".prev";

    private ConfigWriter() {}

    /**
     * Validates and writes {@code kiosk.yaml} text.
     *
     * @return the configuration the text describes
     * @throws ConfigException when the text is invalid; nothing is written then
     * @throws IOException     when the directory cannot be written; the old file is then untouched
     */
    public static KioskConfig write(Path configDir, String yaml) throws ConfigException, IOException {
        KioskConfig config = ConfigLoader.parse(ConfigLoader.KIOSK_FILE, yaml, System::getenv);
        Files.createDirectories(configDir);
        Path target = configDir.resolve(ConfigLoader.KIOSK_FILE);
        Path temp = Files.createTempFile(configDir, "." + ConfigLoader.KIOSK_FILE + ".", ".tmp");
        try {
            writeAndForce(temp, yaml.getBytes(StandardCharsets.UTF_8));
            if (Files.exists(target)) {
                keepPrevious(configDir, target);
            }
            moveAtomically(temp, target);
            forceDirectory(configDir);
        } finally {
            Files.deleteIfExists(temp);
        }
        return config;
    }

    /** Renders a configuration (comments are not kept) and writes it like {@link #write(Path, String)}. */
    public static KioskConfig write(Path configDir, KioskConfig config) throws ConfigException, IOException {
        return write(configDir, ConfigYaml.render(config));
    }

    private static void keepPrevious(Path configDir, Path target) throws IOException {
        Path temp = Files.createTempFile(configDir, "." + PREVIOUS_FILE + ".", ".tmp");
        try {
            writeAndForce(temp, Files.readAllBytes(target));
            moveAtomically(temp, configDir.resolve(PREVIOUS_FILE));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeAndForce(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically", e);
        }
    }

    /** Makes the rename itself durable (POSIX); where a directory cannot be opened this is skipped. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there.
        }
    }
}
