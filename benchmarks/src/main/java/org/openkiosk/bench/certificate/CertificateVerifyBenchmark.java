package org.openkiosk.bench.certificate;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openkiosk.app.certificate.CertificatePayload;
import org.openkiosk.app.certificate.CertificateRenderer;
import org.openkiosk.app.certificate.CertificateVerifier;
import org.openkiosk.app.certificate.VerificationResult;
import org.openkiosk.device.docscan.CodeDecoder;
import org.openkiosk.device.docscan.DecodedCode;

/** Verification of a whole certificate PDF, of a payload alone, and QR decoding of a 1280×720 frame. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificateVerifyBenchmark {

    CertificateVerifier verifier;
    byte[] pdf;
    String payload;
    BufferedImage frame;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var rendered = new CertificateRenderer(BenchFixtures.templates(), BenchFixtures.signing().signer(), true)
                .render(BenchFixtures.request());
        pdf = rendered.pdf();
        payload = rendered.payload().encode();
        verifier = new CertificateVerifier(BenchFixtures.signing().trusted());
        frame = BenchFixtures.frameWithCertificate(pdf);
        if (!verifier.verifyPdf(pdf).isValid() || decodeFrame().isEmpty()) {
            throw new IllegalStateException("benchmark fixture does not verify/decode");
        }
    }

    @Benchmark
    public VerificationResult verifyPdf() {
        return verifier.verifyPdf(pdf);
    }

    @Benchmark
    public VerificationResult verifyPayloadOnly() {
        return verifier.verifyPayload(payload);
    }

    @Benchmark
    public List<DecodedCode> decodeFrame() {
        return CodeDecoder.decodeQr(frame, text -> text.startsWith(CertificatePayload.PREFIX));
    }
}
