package org.openkiosk.device.a4;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates an {@code ipps://} printer may present. Office printers mostly carry a self-signed or a
 * site-CA certificate, so the kiosk trusts exactly the certificates in one configured PEM or DER file (the
 * printer's own or its CA's); without that file it trusts the system's CA store. The host name is always
 * checked against the certificate.
 */
public final class PrinterTrust {

    private PrinterTrust() {}

    /** @param certificateFile empty for the JDK's default trust (system CA store) */
    public static SSLContext context(String certificateFile) {
        try {
            if (certificateFile == null || certificateFile.isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(Path.of(certificateFile))) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("A4 printer option trustCertificate: no certificate in " + certificateFile);
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("printer-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("A4 printer option trustCertificate: cannot read " + certificateFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("A4 printer option trustCertificate: " + certificateFile
                    + " is not an X.509 certificate in PEM or DER: " + e.getMessage(), e);
        }
    }
}
