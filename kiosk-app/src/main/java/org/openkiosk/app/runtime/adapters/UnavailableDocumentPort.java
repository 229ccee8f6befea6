package org.openkiosk.app.runtime.adapters;

import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.CertificateRequest;
import org.openkiosk.app.service.port.RenderedCertificate;

/**
 * Certificates cannot be issued on this kiosk (no usable signing set-up, or the published demo key outside demo
 * mode): every render fails with the reason, so the service records the attempt as FAILED and nothing prints.
 */
public record UnavailableDocumentPort(String reason) implements CertificateDocumentPort {

    @Override
    public RenderedCertificate render(CertificateRequest request) {
        throw new IllegalStateException("certificates are not available on this kiosk: " + reason);
    }
}
