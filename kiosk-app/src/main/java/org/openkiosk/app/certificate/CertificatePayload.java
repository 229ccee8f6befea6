package org.openkiosk.app.certificate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * What the verification QR code carries, as one compact UTF-8 line:
 * <pre>OKC1|number|type|masked name|yyyyMMdd|sha256 (base64url)|key id|Ed25519 signature (base64url)</pre>
 * The signature covers every byte before the last {@code |}. No field may contain {@code |} or a line break.
 *
 * @param number      certificate number
 * @param type        template type id, e.g. {@code no-criminal-record}
 * @param maskedName  the holder's name masked ({@code 测*}); the full name never leaves the page
 * @param issueDate   issue date
 * @param digest      SHA-256 of the certificate's canonical text (32 bytes)
 * @param keyId       id of the signing key
 * @param signature   Ed25519 signature (64 bytes), empty before signing
 */
public record CertificatePayload(String number, String type, String maskedName, LocalDate issueDate, byte[] digest,
                                 String keyId, byte[] signature) {

    public static final String PREFIX = "OKC1";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    public CertificatePayload {
        for (String field : new String[] {number, type, maskedName, keyId}) {
            Objects.requireNonNull(field, "payload field");
            if (field.isEmpty() || field.contains("|") || field.contains("\n") || field.contains("\r")) {
                throw new IllegalArgumentException("payload field \"" + field + "\" must be non-empty without | or line breaks");
            }
        }
        Objects.requireNonNull(issueDate, "issueDate");
        if (digest.length != 32) {
            throw new IllegalArgumentException("the content digest must be 32 bytes (SHA-256), got " + digest.length);
        }
        digest = digest.clone();
        signature = signature.clone();
    }

    /** The part the signature covers. */
    public String signedPart() {
        return String.join("|", PREFIX, number, type, maskedName, issueDate.format(DATE), B64.encodeToString(digest), keyId);
    }

    public byte[] signedBytes() {
        return signedPart().getBytes(StandardCharsets.UTF_8);
    }

    public CertificatePayload withSignature(byte[] newSignature) {
        return new CertificatePayload(number, type, maskedName, issueDate, digest, keyId, newSignature);
    }

    /** The text encoded in the QR code. */
    public String encode() {
        if (signature.length == 0) {
            throw new IllegalStateException("the payload is not signed yet");
        }
        return signedPart() + "|" + B64.encodeToString(signature);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Parses a scanned payload; throws {@link MalformedPayloadException} naming what is wrong. */
    public static CertificatePayload parse(String text) throws MalformedPayloadException {
        if (text == null) {
            throw new MalformedPayloadException("no payload");
        }
        String[] parts = text.strip().split("\\|", -1);
        if (parts.length != 8 || !parts[0].equals(PREFIX)) {
            throw new MalformedPayloadException("not an OpenKiosk certificate code (expected 8 fields starting with "
                    + PREFIX + ", got " + parts.length + " fields)");
        }
        try {
            LocalDate date = LocalDate.parse(parts[4], DATE);
            byte[] digest = B64_DECODE.decode(parts[5]);
            byte[] signature = B64_DECODE.decode(parts[7]);
            if (signature.length != 64) {
                throw new MalformedPayloadException("the signature must be 64 bytes (Ed25519), got " + signature.length);
            }
            return new CertificatePayload(parts[1], parts[2], parts[3], date, digest, parts[6], signature);
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException("bad issue date \"" + parts[4] + "\" (expected yyyyMMdd)");
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificatePayload p && p.encodeOrSigned().equals(encodeOrSigned());
    }

    @Override
    public int hashCode() {
        return encodeOrSigned().hashCode();
    }

    @Override
    public String toString() {
        return encodeOrSigned();
    }

    private String encodeOrSigned() {
        return signature.length == 0 ? signedPart() : encode();
    }
}
