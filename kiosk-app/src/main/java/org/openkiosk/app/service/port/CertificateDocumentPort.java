package org.openkiosk.app.service.port;

/**
 * Renders a certificate as PDF (implemented by the certificate renderer, {@code org.openkiosk.app.certificate}).
 * A failure is reported by throwing; the service records it as a failed print.
 */
public interface CertificateDocumentPort {
    RenderedCertificate render(CertificateRequest request);
}
