package org.openkiosk.app.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff passwords as PBKDF2-HMAC-SHA256 hashes from the JDK ({@code pbkdf2-sha256:ITERATIONS:SALT:HASH}); the
 * iteration count travels with the hash, so it can be raised later without invalidating old ones (ADR 0152).
 */
public final class PasswordHash {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /** With fewer iterations only where speed matters more than strength (tests). */
    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        return "pbkdf2-sha256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code encoded} was made from (constant-time comparison). */
    public static boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split(":");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A hash of a random password, verified against when a user name is unknown, so timing does not tell. */
    static String decoy() {
        char[] random = new char[24];
        Arrays.fill(random, (char) ('a' + RANDOM.nextInt(26)));
        return hash(random, ITERATIONS);
    }
}
