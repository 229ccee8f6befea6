package org.openkiosk.app.certificate;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;

/**
 * Kiosk-signed networks (ADR 0054): signs payloads with this kiosk's own key — a PEM file readable by the kiosk
 * user only, or a key that never leaves a PKCS#11 token ({@code provider} set). The algorithm is the key's.
 */
public final class CertificateSigner implements PayloadSigning {

    private final String keyId;
    private final PrivateKey key;
    private final SigningAlgorithm algorithm;
    private final Provider provider;

    /** A file key; the algorithm is read from the key. */
    public CertificateSigner(String keyId, PrivateKey key) {
        this(keyId, key, SigningAlgorithm.of(key), null);
    }

    /**
     * @param provider the PKCS#11 provider holding a token key, or null for a key in memory
     */
    public CertificateSigner(String keyId, PrivateKey key, SigningAlgorithm algorithm, Provider provider) {
        CertificateKeys.requireValidKeyId(keyId);
        this.keyId = keyId;
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.provider = provider;
    }

    public String keyId() {
        return keyId;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** True when the key is the published demo key: its signatures prove nothing. */
    public boolean isDemoKey() {
        return CertificateKeys.isDemoKeyId(keyId);
    }

    @Override
    public String keyIdFor(CertificateRequest request) {
        return keyId;
    }

    @Override
    public CertificatePayload sign(CertificatePayload unsigned, CertificateRequest request) {
        return sign(unsigned);
    }

    public CertificatePayload sign(CertificatePayload unsigned) {
        if (!unsigned.keyId().equals(keyId)) {
            throw new IllegalArgumentException("payload names key " + unsigned.keyId() + " but this signer holds " + keyId);
        }
        try {
            Signature signature = algorithm.signer(key, provider);
            signature.update(unsigned.signedBytes());
            return unsigned.withSignature(signature.sign());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CertificateSigningException(algorithm.id() + " signing with key " + keyId + " failed"
                    + (provider != null ? " in the PKCS#11 token" : "") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "kiosk-signed with " + algorithm.id() + " key " + keyId + (provider != null ? " (PKCS#11 token)" : " (file)");
    }
}
