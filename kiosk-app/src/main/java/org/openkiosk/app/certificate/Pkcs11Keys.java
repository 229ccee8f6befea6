package org.openkiosk.app.certificate;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A kiosk's signing key inside a PKCS#11 token (ADR 0056) through the JDK's SunPKCS11 provider: the private key
 * never leaves the token, so a copied disk holds no key. The key is ECDSA P-256 — JDK 17's SunPKCS11 offers no
 * EdDSA and SoftHSM2 no SM2. The token's key store holds the key under its key id with a self-signed X.509
 * certificate (SunPKCS11 lists only private keys that have one); its public key is what verifiers trust.
 */
public final class Pkcs11Keys {

    private Pkcs11Keys() {}

    /** A SunPKCS11 provider for one slot of a PKCS#11 module. */
    public static Provider provider(Path library, int slotListIndex) throws IOException {
        if (!Files.isRegularFile(library)) {
            throw new IOException("PKCS#11 module " + library + " does not exist (Debian: apt-get install softhsm2, or the"
                    + " token vendor's module)");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IOException("this Java runtime has no SunPKCS11 provider");
        }
        try {
            return base.configure("--name=OpenKiosk\nlibrary=" + library.toAbsolutePath() + "\nslotListIndex="
                    + slotListIndex + "\n");
        } catch (RuntimeException e) {
            throw new IOException("cannot load PKCS#11 module " + library + " slot index " + slotListIndex + ": "
                    + rootMessage(e), e);
        }
    }

    /** The signer for the token key {@code keyId}. */
    public static CertificateSigner signer(Provider provider, char[] pin, String keyId) throws IOException {
        KeyStore store = open(provider, pin);
        try {
            Key key = store.getKey(keyId, null);
            Certificate certificate = store.getCertificate(keyId);
            if (!(key instanceof PrivateKey privateKey) || certificate == null) {
                throw new IOException("the PKCS#11 token has no key \"" + keyId + "\" (it holds "
                        + java.util.Collections.list(store.aliases()) + "); create it with ./kiosk certificate keygen --pkcs11");
            }
            SigningAlgorithm algorithm = SigningAlgorithm.of(certificate.getPublicKey());
            return new CertificateSigner(keyId, privateKey, algorithm, provider);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read key " + keyId + " from the PKCS#11 token: " + rootMessage(e), e);
        }
    }

    /** The public key of the token key {@code keyId}. */
    public static PublicKey publicKey(Provider provider, char[] pin, String keyId) throws IOException {
        try {
            Certificate certificate = open(provider, pin).getCertificate(keyId);
            if (certificate == null) {
                throw new IOException("the PKCS#11 token has no key \"" + keyId + "\"");
            }
            return certificate.getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read key " + keyId + " from the PKCS#11 token: " + rootMessage(e), e);
        }
    }

    /** Generates an ECDSA P-256 key pair inside the token under {@code keyId}; returns its public key. */
    public static PublicKey generate(Provider provider, char[] pin, String keyId) throws IOException {
        CertificateKeys.requireValidKeyId(keyId);
        KeyStore store = open(provider, pin);
        try {
            if (store.containsAlias(keyId)) {
                throw new IOException("the PKCS#11 token already holds a key \"" + keyId + "\"; choose another id");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + keyId + ",O=OpenKiosk certificate signing");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    subject, BigInteger.valueOf(now.toEpochMilli()), Date.from(now),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider).build(pair.getPrivate())));
            // stores the key as a token object together with its certificate
            store.setKeyEntry(keyId, pair.getPrivate(), null, new Certificate[] {certificate});
            return pair.getPublic();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot create key " + keyId + " in the PKCS#11 token: " + rootMessage(e), e);
        }
    }

    private static KeyStore open(Provider provider, char[] pin) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("cannot log in to the PKCS#11 token (" + provider.getName() + "): " + rootMessage(e)
                    + " — check the PIN and the slot", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
