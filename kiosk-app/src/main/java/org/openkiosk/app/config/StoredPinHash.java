package org.openkiosk.app.config;

import java.util.Base64;
import java.util.Objects;

/**
 * The stored form of the technicians' PIN hash, {@code maintenance.pinHash} in kiosk.yaml:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash in Base64). It is read here, where the file is checked
 * with its line numbers; hashing a PIN and matching one is {@code maintenance.PinHash}'s work (ADR 0133).
 */
public record StoredPinHash(int iterations, byte[] salt, byte[] hash) {

    public static final String ALGORITHM = "pbkdf2-sha256";
    public static final int MIN_ITERATIONS = 10_000;
    public static final int HASH_BYTES = 32;

    public StoredPinHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static StoredPinHash parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            throw new IllegalArgumentException("not a PIN hash of the form " + ALGORITHM + "$ITERATIONS$SALT$HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count \"" + parts[1] + "\" is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count " + iterations + " is below " + MIN_ITERATIONS);
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salt or hash is not Base64: " + e.getMessage());
        }
        if (salt.length < 8 || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the salt must have at least 8 bytes and the hash " + HASH_BYTES
                    + ", got " + salt.length + " and " + hash.length);
        }
        return new StoredPinHash(iterations, salt, hash);
    }

    /** The text written to kiosk.yaml. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
