package org.openkiosk.app.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Key ids that must no longer be trusted (a stolen kiosk, a leaked key): one id per line, {@code #} comments
 * (ADR 0057). A certificate signed with a revoked key does not verify, and a kiosk does not sign with one.
 */
public final class RevokedKeys {

    private static final RevokedKeys NONE = new RevokedKeys(Set.of());
    private final Set<String> keyIds;

    public RevokedKeys(Set<String> keyIds) {
        this.keyIds = Set.copyOf(keyIds);
    }

    public static RevokedKeys none() {
        return NONE;
    }

    /** Reads the list; a missing file is an error (a configured list that vanished must not mean "none revoked"). */
    public static RevokedKeys fromFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("revocation list " + file + " does not exist");
        }
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String id = line.replaceFirst("#.*", "").strip();
            if (!id.isEmpty()) {
                CertificateKeys.requireValidKeyId(id);
                ids.add(id);
            }
        }
        return new RevokedKeys(ids);
    }

    public boolean isRevoked(String keyId) {
        return keyIds.contains(keyId);
    }

    public Set<String> keyIds() {
        return new TreeSet<>(keyIds);
    }
}
