package org.openkiosk.app.runtime.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.service.platform.IssuedCertificate;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.CertificateRequest;
import org.openkiosk.app.service.port.RenderedCertificate;

/** The certificate service's renderer port over the PDF {@link CertificateRenderer}. Failures throw, as the port asks. */
public final class RendererDocumentPort implements CertificateDocumentPort {

    private final CertificateRenderer renderer;

    public RendererDocumentPort(CertificateRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Draws exactly what the issuing authority issued: holder, number, dates, the template's fields. */
    @Override
    public RenderedCertificate render(CertificateRequest request) {
        IssuedCertificate issued = request.issued();
        org.openkiosk.app.certificate.CertificateRequest drawn = new org.openkiosk.app.certificate.CertificateRequest(
                request.certificateType(), issued.holderName(), issued.holderId(), issued.fields(),
                issued.issueDate(), issued.number(), issued.validUntil(), issued.signature());
        try {
            byte[] pdf = renderer.render(drawn).pdf();
            return new RenderedCertificate(pdf, request.certificateNumber(), sha256(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException("rendering certificate " + request.certificateNumber() + " failed", e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
