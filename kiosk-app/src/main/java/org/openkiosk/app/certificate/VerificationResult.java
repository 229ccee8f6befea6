package org.openkiosk.app.certificate;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict, the payload when one was decoded, and a detail for technicians.
 *
 * @param signedWithDemoKey the (valid) signature comes from the published demo key: it proves nothing
 */
public record VerificationResult(Verdict verdict, Optional<CertificatePayload> payload, String detail,
                                 boolean signedWithDemoKey) {

    public VerificationResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(detail, "detail");
    }

    static VerificationResult of(Verdict verdict, CertificatePayload payload, String detail) {
        return new VerificationResult(verdict, Optional.ofNullable(payload), detail,
                payload != null && CertificateKeys.isDemoKeyId(payload.keyId()));
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
