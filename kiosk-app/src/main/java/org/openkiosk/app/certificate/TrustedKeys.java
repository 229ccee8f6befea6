package org.openkiosk.app.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The public keys a verifier trusts, by key id. */
public final class TrustedKeys {

    private final Map<String, PublicKey> keys;

    public TrustedKeys(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Every {@code ID.public.pem} in a directory. */
    public static TrustedKeys fromDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("trusted key directory " + directory + " does not exist");
        }
        Map<String, PublicKey> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(CertificateKeys.PUBLIC_SUFFIX)).sorted().toList()) {
                keys.put(CertificateKeys.keyIdOf(file), CertificateKeys.readPublic(file));
            }
        }
        return new TrustedKeys(keys);
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public java.util.Set<String> keyIds() {
        return new java.util.TreeSet<>(keys.keySet());
    }

    /** Checks the payload's signature against the key it names; false for a wrong or corrupted signature. */
    static boolean signatureMatches(CertificatePayload payload, PublicKey key) {
        return SigningAlgorithm.of(key).verifies(key, payload.signedBytes(), payload.signature());
    }
}
