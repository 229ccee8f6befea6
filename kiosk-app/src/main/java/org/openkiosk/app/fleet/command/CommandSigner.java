package org.openkiosk.app.fleet.command;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The operator's side: builds a command with a fresh id and signs it with an Ed25519 key. */
public final class CommandSigner {

    private final PrivateKey key;
    private final String keyId;

    public CommandSigner(PrivateKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    public FleetCommand sign(String target, String command, Map<String, String> args, Instant now, Duration validFor) {
        Instant issued = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        FleetCommand unsigned = new FleetCommand(UUID.randomUUID().toString(), target, command, new TreeMap<>(args),
                issued, issued.plus(validFor), keyId, Optional.empty());
        return unsigned.signed(signature(unsigned.canonical()));
    }

    /** An Ed25519 signature of {@code data} with the operator key (also used for signed configuration bundles). */
    public byte[] signature(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + keyId, e);
        }
    }
}
