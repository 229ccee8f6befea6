package org.openkiosk.app.archfixture;

import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.RevokedKeys;
import org.openkiosk.app.certificate.TrustedKeys;

/** A deliberate second way to a certificate verifier, to prove the one-way rule can fail. */
public final class BuildsItsOwnVerifier {
    public static CertificateVerifier verifier(TrustedKeys trusted) {
        return new CertificateVerifier(trusted, RevokedKeys.none(), false);
    }
}
