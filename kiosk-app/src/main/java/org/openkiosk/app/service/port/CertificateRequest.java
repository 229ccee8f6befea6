package org.openkiosk.app.service.port;

import org.openkiosk.app.service.platform.IssuedCertificate;
import org.openkiosk.device.idcard.IdNumber;

/**
 * What the certificate renderer needs to draw one certificate: the titles of the entitlement and the content
 * the issuing authority issued. {@link #toString()} is masked.
 */
public record CertificateRequest(String certificateType, String titleZh, String titleEn, String issuerZh,
                                 IssuedCertificate issued, String kioskId) {

    public String certificateNumber() {
        return issued.number();
    }

    public String holderName() {
        return issued.holderName();
    }

    public IdNumber holderId() {
        return issued.holderId();
    }

    @Override
    public String toString() {
        return "CertificateRequest[" + issued + " at " + kioskId + "]";
    }
}
