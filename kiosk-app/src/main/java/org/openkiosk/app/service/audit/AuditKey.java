package org.openkiosk.app.service.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openkiosk.app.config.AuditKeyFile;

/**
 * The secret that keys the audit chain's links (HMAC-SHA256). It lives outside the database — a file readable only
 * by the kiosk user, or an environment variable — so someone who can edit the database cannot recompute a link.
 * Written as 64 hex digits (32 random bytes). {@link #toString()} never shows the key; {@link #id()} names it.
 */
public final class AuditKey {

    public static final int BYTES = AuditKeyFile.BYTES;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private final String id;
    private final String origin;

    private AuditKey(byte[] key, String origin) {
        this.key = key.clone();
        this.origin = origin;
        this.id = hmacHex("openkiosk/audit-key-id").substring(0, 16);
    }

    /** A key from its 64 hex digits. */
    public static AuditKey fromHex(String hex, String origin) {
        Optional<String> problem = AuditKeyFile.textProblem(hex);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(origin + ": " + problem.get());
        }
        return new AuditKey(HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT)), origin);
    }

    /** A key nobody else holds, for tests and throw-away stores: a later process cannot verify what it wrote. */
    public static AuditKey ephemeral() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new AuditKey(bytes, "ephemeral key");
    }

    /**
     * Reads a key file after checking that only its owner can read it.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static AuditKey load(Path file) {
        Optional<String> problem = AuditKeyFile.fileProblem(file);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        try {
            return fromHex(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the audit key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the key file, creating it with a new random key (owner read/write only) when it does not exist. For the
     * demo, and for kiosks whose configuration names no key.
     */
    public static AuditKey loadOrGenerate(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = new byte[BYTES];
            new SecureRandom().nextBytes(bytes);
            try {
                writeOwnerOnly(file, HexFormat.of().formatHex(bytes) + "\n");
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create the audit key " + file + ": " + e.getMessage(), e);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return load(file);
    }

    /** HMAC-SHA256 of the UTF-8 text under this key, as lower-case hex. */
    public String hmacHex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    /** A short public name of the key (derived from it; reveals nothing of it), to tell keys apart. */
    public String id() {
        return id;
    }

    /** Where the key came from (a file path, an environment variable's name), for messages. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + " from " + origin + "]";
    }

    /** Writes a new file readable and writable only by its owner, complete or not at all; fails if it exists. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                // a hard link appears atomically and never replaces an existing key
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
