package org.openkiosk.app.runtime.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Objects;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.service.port.CertificateDocumentPort;
import org.openkiosk.app.service.port.CertificateRequest;
import org.openkiosk.app.service.port.RenderedCertificate;

/** The certificate service's renderer port over the PDF {@link CertificateRenderer}. Failures throw, as the port asks. */
public final class RendererDocumentPort implements CertificateDocumentPort {

    private final CertificateRenderer renderer;
    private final ZoneId zone;
    private final CertificateFields fields;

    /** @param zone the hall's time zone: the date printed on the certificate is the local date of issue */
    public RendererDocumentPort(CertificateRenderer renderer, ZoneId zone, CertificateFields fields) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    @Override
    public RenderedCertificate render(CertificateRequest request) {
        org.openkiosk.app.certificate.CertificateRequest drawn = new org.openkiosk.app.certificate.CertificateRequest(
                request.certificateType(), request.holderName(), request.holderId(), fields.fieldsFor(request),
                LocalDate.ofInstant(request.issuedAt(), zone), request.certificateNumber());
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
