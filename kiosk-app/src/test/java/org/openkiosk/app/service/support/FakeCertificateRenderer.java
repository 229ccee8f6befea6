package org.openkiosk.app.service.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.CertificateRequest;
import org.openkiosk.app.service.port.RenderedCertificate;

/** Test double for the not-yet-merged certificate renderer: a tiny stand-in document naming the number. */
public final class FakeCertificateRenderer implements CertificateDocumentPort {

    public final List<CertificateRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public RenderedCertificate render(CertificateRequest request) {
        requests.add(request);
        byte[] pdf = ("%PDF-1.7\n% stand-in for " + request.certificateNumber() + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            return new RenderedCertificate(pdf, request.certificateNumber(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
