package org.openkiosk.app.certificate;

/**
 * How a certificate's QR payload gets its signature (ADR 0054): signed here with this kiosk's own key
 * ({@link CertificateSigner}), or signed by the issuing authority and only checked here
 * ({@link AuthoritySignatureCheck}).
 */
public interface PayloadSigning {

    /** The key id the payload of this certificate names. */
    String keyIdFor(CertificateRequest request);

    /**
     * The signed payload.
     *
     * @throws CertificateSigningException when the certificate must not be printed (no or bad authority signature)
     */
    CertificatePayload sign(CertificatePayload unsigned, CertificateRequest request);

    /** For the technician: which mode and key. */
    String describe();
}
