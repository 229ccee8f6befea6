package org.openkiosk.app.certificate;

import java.util.Objects;

/**
 * The issuing authority's signature over a certificate's canonical payload (the signed part of the QR code,
 * ADR 0050/0054). The kiosk checks it with a trusted public key before printing.
 *
 * @param keyId the authority's key id (names a trusted {@code ID.public.pem})
 * @param value the raw signature bytes (Ed25519: 64 bytes; SM2: DER)
 */
public record AuthoritySignature(String keyId, byte[] value) {

    public AuthoritySignature {
        Objects.requireNonNull(keyId, "keyId");
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("an authority signature needs its bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "AuthoritySignature[key " + keyId + ", " + value.length + " bytes]";
    }
}
