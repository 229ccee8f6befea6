package org.openkiosk.bench.certificate;

import org.openkiosk.app.certificate.CertificateRenderer;

/** Prints the file size of one certificate with the subset font and with the whole font embedded. */
public final class CertificateSizeReport {

    private CertificateSizeReport() {}

    public static void main(String[] args) throws Exception {
        CertificateRenderer renderer = new CertificateRenderer(BenchFixtures.templates(), BenchFixtures.signing().signer(), true);
        int subset = renderer.render(BenchFixtures.request()).pdf().length;
        int full = renderer.render(BenchFixtures.request(), false).pdf().length;
        System.out.printf("certificate PDF size: subset font %,d bytes; full font %,d bytes (%.0f× larger)%n",
                subset, full, (double) full / subset);
    }
}
