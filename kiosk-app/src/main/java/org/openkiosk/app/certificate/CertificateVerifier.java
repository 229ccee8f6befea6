package org.openkiosk.app.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openkiosk.device.docscan.CodeDecoder;
import org.openkiosk.device.docscan.DecodedCode;

/**
 * Checks a certificate the way anyone who receives it can: render the page, read the QR code, check the
 * signature (Ed25519, SM2 or ECDSA) against the trusted, unrevoked public keys, and compare the signed digest with the digest of the
 * PDF's own text. Also checks a payload scanned elsewhere (signature only: without the page there is no text).
 */
public final class CertificateVerifier {

    /** Rendering resolution: enough for the 108 pt code (about 3.5 px per module at 150 dpi). */
    static final float RENDER_DPI = 150f;

    private final TrustedKeys trustedKeys;
    private final RevokedKeys revokedKeys;
    private final boolean acceptDemoKey;

    /** Accepts demo-key signatures and revokes nothing: for demonstrations and tests of the demo set-up. */
    public CertificateVerifier(TrustedKeys trustedKeys) {
        this(trustedKeys, RevokedKeys.none(), true);
    }

    /**
     * @param acceptDemoKey false (outside demo mode): a code signed with a published demo key is {@link Verdict#DEMO_KEY}
     */
    public CertificateVerifier(TrustedKeys trustedKeys, RevokedKeys revokedKeys, boolean acceptDemoKey) {
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
        this.revokedKeys = Objects.requireNonNull(revokedKeys, "revokedKeys");
        this.acceptDemoKey = acceptDemoKey;
    }

    /** The revocation list this verifier honours. */
    public RevokedKeys revokedKeys() {
        return revokedKeys;
    }

    /** Checks a scanned or pasted payload: well-formed, known key, valid signature. */
    public VerificationResult verifyPayload(String text) {
        CertificatePayload payload;
        try {
            payload = CertificatePayload.parse(text);
        } catch (MalformedPayloadException e) {
            return VerificationResult.of(Verdict.MALFORMED_PAYLOAD, null, e.getMessage());
        }
        if (!acceptDemoKey && CertificateKeys.isDemoKeyId(payload.keyId())) {
            return VerificationResult.of(Verdict.DEMO_KEY, payload, "key \"" + payload.keyId()
                    + "\" is a published demo key (accepted only with --demo)");
        }
        if (revokedKeys.isRevoked(payload.keyId())) {
            return VerificationResult.of(Verdict.REVOKED_KEY, payload, "key \"" + payload.keyId()
                    + "\" is on the revocation list");
        }
        Optional<PublicKey> key = trustedKeys.find(payload.keyId());
        if (key.isEmpty()) {
            return VerificationResult.of(Verdict.UNKNOWN_KEY, payload, "key \"" + payload.keyId()
                    + "\" is not among the trusted keys " + trustedKeys.keyIds());
        }
        if (!TrustedKeys.signatureMatches(payload, key.get())) {
            return VerificationResult.of(Verdict.BAD_SIGNATURE, payload, "the " + SigningAlgorithm.of(key.get()).id()
                    + " signature does not verify with key " + payload.keyId());
        }
        return VerificationResult.of(Verdict.VALID, payload, "signature valid (key " + payload.keyId() + ")");
    }

    /**
     * Checks a photo or scan of a printed certificate: finds its QR code and checks the payload (signature, key,
     * revocation). The paper's text cannot be read back reliably from a photo, so the checker compares the signed
     * fields shown with the paper; the detail says so.
     */
    public VerificationResult verifyImage(BufferedImage photo) {
        List<DecodedCode> codes = CodeDecoder.decodeQr(photo, CertificatePayload::looksLikeCode);
        Optional<String> payloadText = codes.stream().map(DecodedCode::text)
                .filter(CertificatePayload::looksLikeCode).findFirst();
        if (payloadText.isEmpty()) {
            return VerificationResult.of(codes.isEmpty() ? Verdict.NO_CODE_FOUND : Verdict.MALFORMED_PAYLOAD, null,
                    codes.isEmpty() ? "no QR code found in the " + photo.getWidth() + "×" + photo.getHeight()
                            + " image" : "codes in the image are not certificate codes: " + codes);
        }
        VerificationResult signature = verifyPayload(payloadText.get());
        if (!signature.isValid()) {
            return signature;
        }
        return VerificationResult.of(Verdict.VALID, signature.payload().orElseThrow(), signature.detail()
                + "; compare the number, type, holder and date with the paper");
    }

    /** Checks a certificate PDF (first page). */
    public VerificationResult verifyPdf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() < 1) {
                return VerificationResult.of(Verdict.UNREADABLE_DOCUMENT, null, "the PDF has no pages");
            }
            boolean extraPages = document.getNumberOfPages() > 1;
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, RENDER_DPI, ImageType.GRAY);
            List<DecodedCode> codes = CodeDecoder.decodeQr(page, CertificatePayload::looksLikeCode);
            Optional<String> payloadText = codes.stream().map(DecodedCode::text)
                    .filter(CertificatePayload::looksLikeCode).findFirst();
            if (payloadText.isEmpty()) {
                return VerificationResult.of(codes.isEmpty() ? Verdict.NO_CODE_FOUND : Verdict.MALFORMED_PAYLOAD, null,
                        codes.isEmpty() ? "no QR code found on page 1 at " + (int) RENDER_DPI + " dpi"
                                : "codes on the page are not certificate codes: " + codes);
            }
            VerificationResult signature = verifyPayload(payloadText.get());
            if (!signature.isValid()) {
                return signature;
            }
            CertificatePayload payload = signature.payload().orElseThrow();
            String text = extractText(document);
            if (extraPages) {
                return VerificationResult.of(Verdict.CONTENT_ALTERED, payload, "a certificate is one page; this PDF has "
                        + document.getNumberOfPages());
            }
            if (!MessageDigest.isEqual(payload.digest(), CanonicalText.digest(text))) {
                return VerificationResult.of(Verdict.CONTENT_ALTERED, payload,
                        "the text of the PDF does not match the digest signed in its code");
            }
            return VerificationResult.of(Verdict.VALID, payload, "signature valid (key " + payload.keyId()
                    + ") and the text matches");
        } catch (IOException e) {
            return VerificationResult.of(Verdict.UNREADABLE_DOCUMENT, null, "cannot read the PDF: " + e.getMessage());
        }
    }

    /** The first page's text in reading order, as the digest sees it before canonicalisation. */
    public static String extractText(PDDocument document) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.setLineSeparator("\n");
        return stripper.getText(document);
    }
}
