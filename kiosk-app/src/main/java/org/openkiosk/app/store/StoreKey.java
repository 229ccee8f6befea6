package org.openkiosk.app.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The embedded store's file key, from a systemd credential (ADR 0116): {@code LoadCredentialEncrypted=
 * kiosk-store-key:…} in the unit decrypts it (with the TPM or the host key) into {@code $CREDENTIALS_DIRECTORY},
 * a memory-only directory readable by the service alone, so the key is never in clear on the disk.
 */
public final class StoreKey {

    /** The credential's name in the unit and in {@code $CREDENTIALS_DIRECTORY}. */
    public static final String CREDENTIAL = "kiosk-store-key";

    private StoreKey() {}

    /**
     * @param credentialsDirectory {@code $CREDENTIALS_DIRECTORY}, null when the service has no credentials
     * @return the key text (trimmed, at least 16 characters), or empty when no credential is there
     * @throws StoreException when the credential is there but unusable (too short, has a space, unreadable)
     */
    public static Optional<char[]> fromCredentials(String credentialsDirectory) {
        if (credentialsDirectory == null || credentialsDirectory.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(credentialsDirectory, CREDENTIAL);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException("cannot read the store key credential " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(fromBytes(bytes));
    }

    /**
     * The key in a credential's bytes, which are zeroed here whatever happens.
     *
     * @throws StoreException when they are not a usable key (empty, shorter than 16 characters, spaces); the message
     *                        never contains the key
     */
    public static char[] fromBytes(byte[] bytes) {
        try {
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new StoreException("the store key credential " + CREDENTIAL + " is empty");
            }
            if (text.length() < 16 || text.chars().anyMatch(Character::isWhitespace)) {
                throw new StoreException("the store key credential " + CREDENTIAL + " must be at least 16 characters"
                        + " without spaces (e.g. openssl rand -hex 32)");
            }
            return text.toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
