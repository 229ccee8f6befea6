package org.openkiosk.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Key files named by the configuration, in PEM as {@code openssl genpkey} writes them: {@code ID.public.pem} and
 * {@code ID.private.pem}, where the file name before the suffix is the key id. Lines outside the PEM block are
 * comments. Read here so that kiosk.yaml can be checked with its line numbers without the packages that use the keys
 * (ADR 0133).
 */
public final class PemFile {

    public static final String PRIVATE_SUFFIX = ".private.pem";
    public static final String PUBLIC_SUFFIX = ".public.pem";

    private PemFile() {}

    /** The DER bytes of the file's {@code -----BEGIN label-----} block. */
    public static byte[] body(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " has no \"" + begin + "\" block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the PEM block is not valid Base64", e);
        }
    }

    /** Why {@code file} is not an Ed25519 public key in X.509 PEM (the only kind a fleet command is signed with). */
    static Optional<String> ed25519PublicKeyProblem(Path file) {
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(body(file, "PUBLIC KEY")));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (GeneralSecurityException e) {
            return Optional.of(file + " is not an Ed25519 public key in X.509 PEM: " + e.getMessage());
        }
    }
}
