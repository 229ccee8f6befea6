package org.openkiosk.app.service.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openkiosk.device.idcard.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pseudonymous key print records use instead of the ID number: HMAC-SHA-256 of the number under a secret
 * shared by the kiosk network (so kiosks sharing a database count one person's prints alike). Without the secret
 * the key cannot be recomputed from a guessed number, unlike the plain SHA-256 used before ({@link #legacy}), which
 * anyone could enumerate over the ~10^10 plausible numbers.
 *
 * <p>The secret: environment variable {@value #ENVIRONMENT}, else the file {@value #FILE} in the configuration
 * directory (readable by the kiosk user only), at least 32 bytes. Without either, the published demo secret is
 * used and a warning logged outside demo mode.
 */
public final class HolderKey {

    public static final String ENVIRONMENT = "KIOSK_HOLDER_KEY_SECRET";
    public static final String FILE = "keys/holder-key.secret";
    static final int MIN_SECRET_BYTES = 32;
    private static final byte[] DEMO_SECRET = "openkiosk demo holder key - published, not secret!"
            .getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(HolderKey.class);

    private final byte[] secret;
    private final boolean demoSecret;

    private HolderKey(byte[] secret, boolean demoSecret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the holder key secret needs at least " + MIN_SECRET_BYTES
                    + " bytes, got " + secret.length);
        }
        this.secret = secret.clone();
        this.demoSecret = demoSecret;
    }

    public static HolderKey withSecret(byte[] secret) {
        return new HolderKey(secret, false);
    }

    /** The published demo secret: for the demo and tests only. */
    public static HolderKey demo() {
        return new HolderKey(DEMO_SECRET, true);
    }

    /** From the environment or the configuration directory; the demo secret (with a warning) when neither has one. */
    public static HolderKey load(Path configDir, Map<String, String> environment, boolean demo) {
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return withSecret(fromEnvironment.strip().getBytes(StandardCharsets.UTF_8));
        }
        Path file = configDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                try {
                    return withSecret(new String(bytes, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
                } finally {
                    Arrays.fill(bytes, (byte) 0);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the holder key secret " + file + ": " + e.getMessage(), e);
            }
        }
        if (!demo) {
            LOG.warn("NO HOLDER KEY SECRET: print records are keyed with the published demo secret. Set {} or write"
                    + " {} (at least {} random bytes, the same on every kiosk of the network)", ENVIRONMENT, file,
                    MIN_SECRET_BYTES);
        }
        return demo();
    }

    public boolean isDemoSecret() {
        return demoSecret;
    }

    /** The key of a person's print records. */
    public String of(IdNumber idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("openkiosk/print-holder/v2:" + idNumber.value())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain SHA-256 key of records written before the HMAC: still counted against the reprint limit. */
    public static String legacy(IdNumber idNumber) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(("openkiosk/print-holder/v1:" + idNumber.value())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return demoSecret ? "HolderKey[demo secret]" : "HolderKey[configured secret]";
    }
}
