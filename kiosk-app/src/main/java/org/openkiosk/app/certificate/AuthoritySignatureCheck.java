package org.openkiosk.app.certificate;

import java.security.PublicKey;
import java.util.Objects;

/**
 * Authority-signed networks (ADR 0054): the kiosk holds no signing key. The issuing authority signs the
 * certificate's payload; before printing, the kiosk computes the payload of the page it is about to print and
 * checks the authority's signature over it with a trusted, unrevoked public key. Any mismatch — another
 * template text, altered content, an unknown or revoked key — and nothing is printed.
 */
public final class AuthoritySignatureCheck implements PayloadSigning {

    private final TrustedKeys trusted;
    private final RevokedKeys revoked;

    public AuthoritySignatureCheck(TrustedKeys trusted, RevokedKeys revoked) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
    }

    @Override
    public String keyIdFor(CertificateRequest request) {
        return authority(request).keyId();
    }

    @Override
    public CertificatePayload sign(CertificatePayload unsigned, CertificateRequest request) {
        AuthoritySignature authority = authority(request);
        if (revoked.isRevoked(authority.keyId())) {
            throw new CertificateSigningException("the issuing authority signed with the revoked key " + authority.keyId());
        }
        PublicKey key = trusted.find(authority.keyId()).orElseThrow(() -> new CertificateSigningException(
                "the issuing authority signed with key " + authority.keyId() + ", which is not among the trusted keys "
                        + trusted.keyIds()));
        CertificatePayload signed = unsigned.withSignature(authority.value());
        if (!SigningAlgorithm.of(key).verifies(key, signed.signedBytes(), signed.signature())) {
            throw new CertificateSigningException("the issuing authority's signature (key " + authority.keyId()
                    + ") does not match the certificate this kiosk would print: the template text differs from the"
                    + " authority's, or the content was altered on the way");
        }
        return signed;
    }

    @Override
    public String describe() {
        return "authority-signed (trusted keys " + trusted.keyIds() + ")";
    }

    private static AuthoritySignature authority(CertificateRequest request) {
        return request.authoritySignature().orElseThrow(() -> new CertificateSigningException(
                "this network is authority-signed but the issuing authority sent no signature for certificate "
                        + request.number()));
    }
}
