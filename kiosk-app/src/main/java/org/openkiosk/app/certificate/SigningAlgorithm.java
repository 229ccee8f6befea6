package org.openkiosk.app.certificate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.util.Locale;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The signature algorithm of a key, decided by the key itself (ADR 0055): each key id is one algorithm, so the
 * QR payload needs no algorithm field. Ed25519 through the JDK; SM2 with SM3 (GB/T 32918 / GB/T 32905, the
 * default signer id {@code 1234567812345678} of GM/T 0009, DER signature) and ECDSA P-256 through Bouncy Castle,
 * ECDSA P-256 also through a PKCS#11 token (JDK 17's SunPKCS11 has no EdDSA and SoftHSM2 no SM2).
 */
public enum SigningAlgorithm {
    ED25519("ed25519", "Ed25519"),
    SM2("sm2", "SM3withSM2"),
    ECDSA_P256("ecdsa-p256", "SHA256withECDSA");

    /**
     * One Bouncy Castle instance, not registered globally: the kiosk's JCA set-up stays as the JDK's. In a holder so
     * that it is made on first use only: the provider and its signed jar's verification cost about a second of a
     * cold start, and a kiosk with Ed25519 keys never needs them (ADR 0128).
     */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
        static final BigInteger SM2_ORDER = GMNamedCurves.getByName("sm2p256v1").getN();
    }

    private static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    /** The shared Bouncy Castle provider (made on first use). */
    static Provider bouncyCastle() {
        return BouncyCastle.PROVIDER;
    }

    private final String id;
    private final String jcaName;

    SigningAlgorithm(String id, String jcaName) {
        this.id = id;
        this.jcaName = jcaName;
    }

    /** The name used in commands and configuration: {@code ed25519}, {@code sm2}, {@code ecdsa-p256}. */
    public String id() {
        return id;
    }

    public static SigningAlgorithm fromId(String text) {
        for (SigningAlgorithm a : values()) {
            if (a.id.equals(text.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown signature algorithm \"" + text + "\" (ed25519, sm2, ecdsa-p256)");
    }

    /** The algorithm of a key: Ed25519, or an EC key on the SM2 or the P-256 curve. */
    public static SigningAlgorithm of(Key key) {
        String name = key.getAlgorithm();
        if (name.equalsIgnoreCase("Ed25519") || name.equalsIgnoreCase("EdDSA")) {
            return ED25519;
        }
        if (key instanceof ECKey ec && ec.getParams() != null) {
            BigInteger order = ec.getParams().getOrder();
            if (order.equals(BouncyCastle.SM2_ORDER)) {
                return SM2;
            }
            if (order.equals(P256_ORDER)) {
                return ECDSA_P256;
            }
        }
        throw new IllegalArgumentException("unsupported key " + name + ": certificates are signed with Ed25519, SM2 or"
                + " ECDSA P-256 keys");
    }

    /** A signer for a private key; {@code provider} is the PKCS#11 provider of a token key, else null. */
    Signature signer(PrivateKey key, Provider provider) throws GeneralSecurityException {
        Signature signature = provider != null ? Signature.getInstance(jcaName, provider) : instance();
        signature.initSign(key);
        return signature;
    }

    /** Checks a signature; false for a wrong, corrupted or ill-formed one. */
    public boolean verifies(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = instance();
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private Signature instance() throws GeneralSecurityException {
        return this == ED25519 ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, bouncyCastle());
    }
}
