package org.openkiosk.app.certificate;

import java.util.List;

/**
 * A rendered certificate.
 *
 * @param pdf             the one-page A4 PDF
 * @param payload         the signed payload in its QR code
 * @param lines           the text lines as laid out, top to bottom (what text extraction gives back)
 * @param signedWithDemoKey true when the published demo key signed it outside demo mode: the UI shows a warning
 */
public record RenderedCertificate(byte[] pdf, CertificatePayload payload, List<String> lines, boolean signedWithDemoKey) {
    public RenderedCertificate {
        lines = List.copyOf(lines);
    }
}
