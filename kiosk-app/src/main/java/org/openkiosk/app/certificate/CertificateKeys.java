package org.openkiosk.app.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.openkiosk.app.config.PemFile;

/**
 * Key files in PEM — Ed25519, SM2 or ECDSA P-256 (ADR 0055), the same format as {@code openssl genpkey}: the private key as
 * PKCS#8 ({@code ID.private.pem}), the public key as X.509 SubjectPublicKeyInfo ({@code ID.public.pem}). The key
 * id is the file name before {@code .private.pem} / {@code .public.pem}. Lines outside the PEM block (comments)
 * are ignored, which is where the demo key says it is demo-only.
 */
public final class CertificateKeys {

    public static final String PRIVATE_SUFFIX = PemFile.PRIVATE_SUFFIX;
    public static final String PUBLIC_SUFFIX = PemFile.PUBLIC_SUFFIX;
    /** Key ids starting with this are demo keys whose private half is published in the repository. */
    public static final String DEMO_PREFIX = "demo-only";

    private CertificateKeys() {}

    public static boolean isDemoKeyId(String keyId) {
        return keyId.startsWith(DEMO_PREFIX);
    }

    public static String keyIdOf(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {PRIVATE_SUFFIX, PUBLIC_SUFFIX}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        throw new IllegalArgumentException("key file " + file + " must be named ID" + PRIVATE_SUFFIX + " or ID" + PUBLIC_SUFFIX);
    }

    /** A key id goes into the QR payload: short, and free of the payload's separator. */
    public static void requireValidKeyId(String keyId) {
        if (!keyId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")) {
            throw new IllegalArgumentException("key id \"" + keyId + "\" must be 1–40 letters, digits, _ . - (no spaces)");
        }
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        byte[] der = PemFile.body(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notEd25519) {
            try {
                PrivateKey key = KeyFactory.getInstance("EC", SigningAlgorithm.bouncyCastle())
                        .generatePrivate(new PKCS8EncodedKeySpec(der));
                SigningAlgorithm.of(key);
                return key;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException(file + " is not an Ed25519, SM2 or P-256 private key in PKCS#8 PEM: "
                        + e.getMessage(), e);
            }
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        byte[] der = PemFile.body(file, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notEd25519) {
            try {
                PublicKey key = KeyFactory.getInstance("EC", SigningAlgorithm.bouncyCastle())
                        .generatePublic(new X509EncodedKeySpec(der));
                SigningAlgorithm.of(key);
                return key;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException(file + " is not an Ed25519, SM2 or P-256 public key in X.509 PEM: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Refuses a private key file that anyone but its owner can read: on a stolen or shared disk it would sign
     * certificates for anyone (ADR 0056). Not checked where the file system has no POSIX permissions.
     */
    public static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(permissions);
        if (!open.isEmpty()) {
            throw new IOException("private key " + file + " is readable or writable by group/others (mode "
                    + PosixFilePermissions.toString(permissions) + "); make it readable by the kiosk user only: chmod 600 "
                    + file.getFileName());
        }
    }

    /** Generates a new Ed25519 key pair; see {@link #generate(Path, String, String, SigningAlgorithm)}. */
    public static KeyPair generate(Path directory, String keyId, String comment) throws IOException {
        return generate(directory, keyId, comment, SigningAlgorithm.ED25519);
    }

    /** Generates a new key pair and writes {@code ID.private.pem} (owner-only permissions) and {@code ID.public.pem}. */
    public static KeyPair generate(Path directory, String keyId, String comment, SigningAlgorithm algorithm)
            throws IOException {
        requireValidKeyId(keyId);
        Path privateFile = directory.resolve(keyId + PRIVATE_SUFFIX);
        Path publicFile = directory.resolve(keyId + PUBLIC_SUFFIX);
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            throw new IOException("key " + keyId + " already exists in " + directory + "; choose another id");
        }
        KeyPair pair = newKeyPair(algorithm);
        Files.createDirectories(directory);
        String header = comment.isBlank() ? "" : "# " + comment.replace("\n", "\n# ") + "\n";
        // created owner-only before the key is written, so it is never readable by others even for a moment
        try {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateFile); // not a POSIX file system: the operator protects the file
        }
        Files.writeString(privateFile, header + pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicFile, header + pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return pair;
    }

    private static KeyPair newKeyPair(SigningAlgorithm algorithm) throws IOException {
        try {
            return switch (algorithm) {
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                case SM2, ECDSA_P256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", SigningAlgorithm.bouncyCastle());
                    generator.initialize(new ECGenParameterSpec(algorithm == SigningAlgorithm.SM2 ? "sm2p256v1" : "secp256r1"));
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate a " + algorithm.id() + " key: " + e.getMessage(), e);
        }
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
