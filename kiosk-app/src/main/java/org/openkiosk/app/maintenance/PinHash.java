package org.openkiosk.app.maintenance;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.openkiosk.app.config.StoredPinHash;

/**
 * A technician PIN stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} ({@link StoredPinHash}): PBKDF2 with
 * HMAC-SHA-256, a random 16-byte salt and a 32-byte result. The PIN itself is never stored or logged.
 */
public final class PinHash {

    public static final String ALGORITHM = StoredPinHash.ALGORITHM;
    /** Slow enough to make guessing a 6-digit PIN from a stolen kiosk.yaml cost hours, fast enough for a touch (~0.1–0.3 s). */
    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final int MIN_ITERATIONS = StoredPinHash.MIN_ITERATIONS;
    public static final int MIN_PIN_LENGTH = 6;
    public static final int MAX_PIN_LENGTH = 12;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = StoredPinHash.HASH_BYTES;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a new PIN with a fresh random salt. */
    public static PinHash create(char[] pin) {
        return create(pin, DEFAULT_ITERATIONS);
    }

    public static PinHash create(char[] pin, int iterations) {
        requireValidPin(pin);
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, got " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /** A PIN is 6–12 digits. */
    public static void requireValidPin(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        if (pin.length < MIN_PIN_LENGTH || pin.length > MAX_PIN_LENGTH) {
            throw new IllegalArgumentException("a PIN has " + MIN_PIN_LENGTH + " to " + MAX_PIN_LENGTH
                    + " digits, got " + pin.length + " characters");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a PIN has digits only (0-9)");
            }
        }
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static PinHash parse(String text) {
        StoredPinHash stored = StoredPinHash.parse(text);
        return new PinHash(stored.iterations(), stored.salt(), stored.hash());
    }

    /** Constant-time comparison of the PIN's hash with the stored one; a malformed PIN is simply wrong. */
    public boolean matches(char[] pin) {
        if (pin == null || pin.length == 0 || pin.length > MAX_PIN_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    public int iterations() {
        return iterations;
    }

    /** The stored form, for {@code maintenance.pinHash} in kiosk.yaml. */
    public String encoded() {
        return new StoredPinHash(iterations, salt, hash).encoded();
    }

    @Override
    public String toString() {
        return encoded();
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Reads a PIN from bytes (stdin), trimming one trailing newline; the caller zeroes the result. */
    public static char[] pinFromBytes(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        int end = chars.limit();
        while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
            end--;
        }
        char[] pin = new char[end];
        chars.get(pin, 0, end);
        Arrays.fill(chars.array(), '\0');
        return pin;
    }
}
