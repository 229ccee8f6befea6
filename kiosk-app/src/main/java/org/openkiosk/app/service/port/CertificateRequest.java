package org.openkiosk.app.service.port;

import java.time.Instant;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.privacy.Masking;

/** What the certificate renderer needs to draw one certificate. {@link #toString()} is masked. */
public record CertificateRequest(String certificateType, String titleZh, String titleEn, String issuerZh,
                                 String certificateNumber, String holderName, IdNumber holderId,
                                 Instant issuedAt, String kioskId) {

    @Override
    public String toString() {
        return "CertificateRequest[" + certificateType + " " + certificateNumber + " for " + Masking.name(holderName)
                + " " + holderId + "]";
    }
}
