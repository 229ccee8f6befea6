package org.openkiosk.app.certificate;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/** Signs payloads with the kiosk's Ed25519 key (JDK {@code Signature "Ed25519"}). */
public final class CertificateSigner {

    private final String keyId;
    private final PrivateKey key;

    public CertificateSigner(String keyId, PrivateKey key) {
        CertificateKeys.requireValidKeyId(keyId);
        this.keyId = keyId;
        this.key = Objects.requireNonNull(key, "key");
    }

    public String keyId() {
        return keyId;
    }

    /** True when the key is the published demo key: its signatures prove nothing. */
    public boolean isDemoKey() {
        return CertificateKeys.isDemoKeyId(keyId);
    }

    public CertificatePayload sign(CertificatePayload unsigned) {
        if (!unsigned.keyId().equals(keyId)) {
            throw new IllegalArgumentException("payload names key " + unsigned.keyId() + " but this signer holds " + keyId);
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(unsigned.signedBytes());
            return unsigned.withSignature(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
