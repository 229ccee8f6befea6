package org.openkiosk.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer, ADR 0171, 0137) of what a verification QR code carries: any scanned text goes
 * through {@link CertificatePayload#parse} and {@link CertificateVerifier#verifyPayload} against the shipped
 * trusted keys. Allowed outcomes: a verdict with a detail (never an exception); a malformed text is
 * {@link Verdict#MALFORMED_PAYLOAD} and only that; what parses encodes back to a text that parses to the same
 * payload. Seed corpus: {@code src/test/resources/org/openkiosk/app/certificate/CertificatePayloadFuzzTestInputs/}.
 */
@Tag("fuzz")
class CertificatePayloadFuzzTest {

    private static final CertificateVerifier VERIFIER = verifier();

    @FuzzTest(maxDuration = "60s")
    void scannedPayload(byte[] scanned) {
        String text = new String(scanned, StandardCharsets.UTF_8); // a scanner gives text
        VerificationResult result = VERIFIER.verifyPayload(text);
        assertThat(result.detail()).isNotBlank();
        CertificatePayload parsed;
        try {
            parsed = CertificatePayload.parse(text);
        } catch (MalformedPayloadException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(result.verdict()).isEqualTo(Verdict.MALFORMED_PAYLOAD);
            assertThat(result.payload()).isEmpty();
            return;
        }
        assertThat(result.verdict()).isNotEqualTo(Verdict.MALFORMED_PAYLOAD);
        assertThat(result.payload()).contains(parsed);
        try {
            assertThat(CertificatePayload.parse(parsed.encode())).isEqualTo(parsed);
        } catch (MalformedPayloadException e) {
            throw new AssertionError("a parsed payload does not parse again: " + parsed.encode(), e);
        }
    }

    private static CertificateVerifier verifier() {
        try {
            return CertificateFixtures.verifier();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
