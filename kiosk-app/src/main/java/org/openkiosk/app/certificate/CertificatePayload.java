package org.openkiosk.app.certificate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the verification QR code carries, as one compact UTF-8 line (ADR 0050, 0054):
 * <pre>OKC2|number|type|masked name|issued yyyyMMdd|valid until yyyyMMdd or -|issuer|sha256 (base64url)|key id|signature (base64url)</pre>
 * The signature (Ed25519, SM2 or ECDSA, by the key) covers every byte before the last {@code |}. No field may
 * contain {@code |} or a line break. Codes of the first version ({@code OKC1|number|type|masked name|yyyyMMdd|
 * sha256|key id|signature}, without validity and issuer) still parse and verify.
 *
 * @param number      certificate number
 * @param type        template type id, e.g. {@code no-criminal-record}
 * @param maskedName  the holder's name masked ({@code 测*}); the full name never leaves the page
 * @param issueDate   issue date
 * @param validUntil  last day of validity; empty when the certificate does not expire (always empty in OKC1)
 * @param issuer      the issuing office as printed; null only in an OKC1 code
 * @param digest      SHA-256 of the certificate's canonical text (32 bytes)
 * @param keyId       id of the signing key
 * @param signature   the signature, empty before signing
 */
public record CertificatePayload(String number, String type, String maskedName, LocalDate issueDate,
                                 Optional<LocalDate> validUntil, String issuer, byte[] digest, String keyId,
                                 byte[] signature) {

    public static final String PREFIX = "OKC2";
    public static final String LEGACY_PREFIX = "OKC1";
    private static final String NO_EXPIRY = "-";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    public CertificatePayload {
        List<String> fields = new ArrayList<>(List.of(number, type, maskedName, keyId));
        if (issuer != null) {
            fields.add(issuer);
        }
        for (String field : fields) {
            Objects.requireNonNull(field, "payload field");
            if (field.isEmpty() || field.contains("|") || field.contains("\n") || field.contains("\r")) {
                throw new IllegalArgumentException("payload field \"" + field + "\" must be non-empty without | or line breaks");
            }
        }
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(validUntil, "validUntil");
        if (issuer == null && validUntil.isPresent()) {
            throw new IllegalArgumentException("a first-version (OKC1) payload has no validity");
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException("the content digest must be 32 bytes (SHA-256), got " + digest.length);
        }
        digest = digest.clone();
        signature = signature.clone();
    }

    /** A first-version (OKC1) payload: no validity, no issuer. */
    public CertificatePayload(String number, String type, String maskedName, LocalDate issueDate, byte[] digest,
                              String keyId, byte[] signature) {
        this(number, type, maskedName, issueDate, Optional.empty(), null, digest, keyId, signature);
    }

    public boolean isLegacy() {
        return issuer == null;
    }

    public Optional<String> issuerName() {
        return Optional.ofNullable(issuer);
    }

    /** The part the signature covers. */
    public String signedPart() {
        if (isLegacy()) {
            return String.join("|", LEGACY_PREFIX, number, type, maskedName, issueDate.format(DATE),
                    B64.encodeToString(digest), keyId);
        }
        return String.join("|", PREFIX, number, type, maskedName, issueDate.format(DATE),
                validUntil.map(DATE::format).orElse(NO_EXPIRY), issuer, B64.encodeToString(digest), keyId);
    }

    public byte[] signedBytes() {
        return signedPart().getBytes(StandardCharsets.UTF_8);
    }

    public CertificatePayload withSignature(byte[] newSignature) {
        return new CertificatePayload(number, type, maskedName, issueDate, validUntil, issuer, digest, keyId, newSignature);
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

    /** True for a text that starts like a certificate code of either version. */
    public static boolean looksLikeCode(String text) {
        return text.startsWith(PREFIX + "|") || text.startsWith(LEGACY_PREFIX + "|");
    }

    /** Parses a scanned payload; throws {@link MalformedPayloadException} naming what is wrong. */
    public static CertificatePayload parse(String text) throws MalformedPayloadException {
        if (text == null) {
            throw new MalformedPayloadException("no payload");
        }
        String[] parts = text.strip().split("\\|", -1);
        boolean legacy = parts[0].equals(LEGACY_PREFIX);
        int expected = legacy ? 8 : 10;
        if (!(legacy || parts[0].equals(PREFIX)) || parts.length != expected) {
            throw new MalformedPayloadException("not an OpenKiosk certificate code (expected 10 fields starting with "
                    + PREFIX + " or 8 starting with " + LEGACY_PREFIX + ", got " + parts.length + " fields)");
        }
        String dateText = parts[4];
        try {
            LocalDate date = LocalDate.parse(dateText, DATE);
            Optional<LocalDate> validUntil = Optional.empty();
            String issuer = null;
            int rest = 5;
            if (!legacy) {
                dateText = parts[5];
                validUntil = parts[5].equals(NO_EXPIRY) ? Optional.empty() : Optional.of(LocalDate.parse(parts[5], DATE));
                issuer = parts[6];
                rest = 7;
            }
            byte[] digest = B64_DECODE.decode(parts[rest]);
            byte[] signature = B64_DECODE.decode(parts[rest + 2]);
            if (signature.length < 8 || signature.length > 80) {
                throw new MalformedPayloadException("the signature must be 8–80 bytes (Ed25519 64, SM2/ECDSA DER ≤ 72), got "
                        + signature.length);
            }
            return new CertificatePayload(parts[1], parts[2], parts[3], date, validUntil, issuer, digest,
                    parts[rest + 1], signature);
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException("bad date \"" + dateText + "\" (expected yyyyMMdd)");
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
