package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The audit key as kiosk.yaml names it ({@code audit.keyFile} or {@code audit.keyEnv}): 64 hex digits in a file only
 * its owner can read. Checked here, where the configuration is validated with its line numbers; the key itself is
 * {@code service.audit.AuditKey} (ADR 0133).
 */
public final class AuditKeyFile {

    /** 32 random bytes, written as 64 hex digits. */
    public static final int BYTES = 32;

    private AuditKeyFile() {}

    /** Why {@code file} is not a usable key file (missing, readable by others, wrong content), or empty. */
    public static Optional<String> fileProblem(Path file) {
        if (!file.isAbsolute()) {
            return Optional.of("the audit key file must be an absolute path, not " + file);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("the audit key file " + file + " does not exist or is not a regular file");
        }
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.contains(PosixFilePermission.GROUP_READ)
                        || permissions.contains(PosixFilePermission.OTHERS_READ)
                        || permissions.contains(PosixFilePermission.GROUP_WRITE)
                        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                    return Optional.of("the audit key file " + file + " can be read or written by others ("
                            + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
                }
            }
            if (!Files.isReadable(file)) {
                return Optional.of("the audit key file " + file + " is not readable by this user");
            }
            return textProblem(Files.readString(file, StandardCharsets.US_ASCII)).map(p -> file + ": " + p);
        } catch (NoSuchFileException e) {
            return Optional.of("the audit key file " + file + " does not exist");
        } catch (IOException e) {
            return Optional.of("cannot read the audit key file " + file + ": " + e.getMessage());
        }
    }

    /** Why {@code text} is not a key (64 hex digits), or empty. The text itself is never part of the answer. */
    public static Optional<String> textProblem(String text) {
        String hex = text == null ? "" : text.strip();
        if (hex.length() != 2 * BYTES || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.of("an audit key is " + 2 * BYTES + " hex digits (" + BYTES + " random bytes), e.g. "
                    + "from: head -c 32 /dev/urandom | xxd -p -c 64");
        }
        return Optional.empty();
    }

}
